/** A value a message may show: text as it is, numbers and dates formatted for the chat's language. */
export type MessageArg = string | number | Date;
