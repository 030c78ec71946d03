# Answers of the command runner, the parser, access rules, the flood guard and the adapters.

runner-store-unavailable = Sorry, /{ $command } cannot be answered right now: the bot's storage is unavailable. Try again in a minute.
runner-failed = Sorry, /{ $command } failed this time (the reason is in the bot's log). Try again in a minute.
runner-nothing-more = Nothing more to show: that list has ended or expired. Ask again to start over.
access-operators-only = /{ $command } is for the bot's operators only.
access-operators-only-id = /{ $command } is for the bot's operators only. Your { $platform } user id is { $userId }: an operator can add it to { $platform }.operators in the config.
access-admins-only = Only this group's administrators can { $action }. Ask one of them; meanwhile anyone can use /digest and /quotes.
parse-unknown = unknown command /{ $name }: Type /help for the list.
parse-unknown-suggest = unknown command /{ $name }: did you mean { $suggestions }? Type /help for the list.
parse-or = or
parse-needs = /{ $command } needs <{ $option }>. Usage: { $usage }
parse-one-of = one of { $choices }
parse-whole-number = a whole number
parse-bad-value = /{ $command }: <{ $option }> must be { $expected }, not "{ $value }".{ $hint } Usage: { $usage }
parse-too-much = /{ $command } got more than it takes ("{ $extra }"). Usage: { $usage }
parse-flag = /{ $command } takes no switches like "{ $flag }": it reads plain words. Usage: { $usage }
parse-quote-hint = If "{ $words }" is all <{ $option }>, put it in "double quotes".
flood-slow-down = Slow down: that is more commands than I answer at once. I will ignore yours for { $seconds ->
        [one] about a second
       *[other] about { $seconds } seconds
    }, then answer again.
chat-not-a-command = Commands start with "/": try /help, /digest or /quotes <name>.
chat-restarting = Quotewire is restarting: try again in a minute.
chat-stale-command = /{ $command } is not a command of this bot any more. Ask its operator to run "quotewire deploy-commands".
list-more = … and { $count } more
button-more = More ›
more-hint-terminal = More: type /more
terminal-welcome = Quotewire: { $count } source(s). Type /help for commands.
terminal-welcome-interactive = Quotewire: { $count } source(s). Type /help for commands, Ctrl-D to quit.
terminal-first-poll = The first poll brought { $articles } new article(s) from { $sources } source(s): /digest shows them.
admin-action-subscription = change its subscription
admin-action-sources = change this chat's sources
welcome-back = Thanks for having me back. The daily digest here is on again, with its settings as they were: /settings shows them.
welcome-new = Hello! I’m Quotewire: a daily digest of the news, with the key quotes and who said them. An admin can send /subscribe to get it here every day; /help lists the commands.
