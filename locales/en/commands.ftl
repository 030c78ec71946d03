# Command menu: what Telegram's menu and Discord's slash commands show.
# command-NAME describes /NAME; option-NAME-OPTION describes one of its options.
# Telegram allows 3 to 256 characters, Discord 1 to 100: keep every line under 100.

command-start = What Quotewire does and how to subscribe
option-start-payload = ignored
command-help = What Quotewire does and the commands it knows
command-subscribe = Get the digest here every day, optionally only for some topics
option-subscribe-topics = topic words, e.g. climate energy
command-unsubscribe = Stop the daily digest here
command-topics = Show the topics of this chat’s digest, or set them ("all" for everything)
option-topics-topics = topic words, or "all"
command-time = Set the daily delivery time, e.g. /time 07:30 Europe/London
option-time-time = HH:MM, 24-hour
option-time-zone = IANA time zone, e.g. Europe/London or America/New_York
command-settings = This chat’s subscription; change the chat’s language or images: /settings language|images
option-settings-setting = what to change
option-settings-value = the new value
command-digest = Today's digest now, optionally for one topic
option-digest-topic = only stories about this topic
command-quotes = What a person said, newest first; words narrow it down; alone, today’s most quoted
option-quotes-name = surname or full name ("Mike Pompeo" in quotes)
option-quotes-words = words the quote or its article must contain
command-speakers = Everyone quoted, most quoted first; letters narrow it to names starting with them
option-speakers-name = the start of a first name or surname
command-more = The next page of the last long answer
option-more-token = which list to continue (buttons fill it in)
command-sources = This chat's own sources and those every chat reads, with their status
command-source = Add or remove a feed or page for this chat (operators: for every chat with 'global')
option-source-action = add, remove or restore
option-source-target = the URL to add (a file or folder at the terminal), or the id (see /sources)
option-source-scope = add for this chat (the default in a chat) or for every chat ('global', operators)
command-weblogin = A one-time link to the web console (operators only, in a private chat)
command-import = Import an OPML file of feeds as this chat's sources (send the file with /import)
option-import-file = the .opml file (at the terminal: its path)
command-export = This chat's sources as an OPML file, for other feed readers
