# Antworten des Befehlsablaufs, des Parsers, der Zugriffsregeln, der Flutbremse und der Adapter.

runner-store-unavailable = /{ $command } kann gerade nicht beantwortet werden: Der Speicher des Bots ist nicht erreichbar. Versuche es in einer Minute erneut.
runner-failed = /{ $command } ist diesmal fehlgeschlagen (der Grund steht im Log des Bots). Versuche es in einer Minute erneut.
runner-nothing-more = Nichts mehr anzuzeigen: Die Liste ist zu Ende oder abgelaufen. Frag einfach neu.
access-operators-only = /{ $command } ist nur für die Betreiber des Bots.
access-operators-only-id = /{ $command } ist nur für die Betreiber des Bots. Deine { $platform }-Nutzer-ID ist { $userId }: Ein Betreiber kann sie in der Konfiguration unter { $platform }.operators eintragen.
access-admins-only = Nur die Administratoren dieser Gruppe dürfen { $action }. Frag einen von ihnen; /digest und /quotes kann jeder nutzen.
parse-unknown = Unbekannter Befehl /{ $name }: /help zeigt die Liste.
parse-unknown-suggest = Unbekannter Befehl /{ $name }: Meintest du { $suggestions }? /help zeigt die Liste.
parse-or = oder
parse-needs = /{ $command } braucht <{ $option }>. Aufruf: { $usage }
parse-one-of = eines von { $choices }
parse-whole-number = eine ganze Zahl
parse-bad-value = /{ $command }: <{ $option }> muss { $expected } sein, nicht "{ $value }".{ $hint } Aufruf: { $usage }
parse-too-much = /{ $command } hat mehr erhalten, als er annimmt ("{ $extra }"). Aufruf: { $usage }
parse-flag = /{ $command } kennt keine Schalter wie "{ $flag }": Er liest einfache Wörter. Aufruf: { $usage }
parse-quote-hint = Wenn "{ $words }" ganz <{ $option }> ist, setze es in "doppelte Anführungszeichen".
flood-slow-down = Langsamer, bitte: Das sind mehr Befehle, als ich auf einmal beantworte. Ich ignoriere deine für { $seconds ->
        [one] etwa eine Sekunde
       *[other] etwa { $seconds } Sekunden
    } und antworte dann wieder.
chat-not-a-command = Befehle beginnen mit "/": Versuche /help, /digest oder /quotes <name>.
chat-restarting = Quotewire startet gerade neu: Versuche es in einer Minute erneut.
chat-stale-command = /{ $command } ist kein Befehl dieses Bots mehr. Bitte den Betreiber, "quotewire deploy-commands" auszuführen.
list-more = … und { $count } weitere
button-more = Mehr ›
more-hint-terminal = Mehr: /more eingeben
terminal-welcome = Quotewire: { $count } Quelle(n). /help zeigt die Befehle.
terminal-welcome-interactive = Quotewire: { $count } Quelle(n). /help zeigt die Befehle, Strg-D beendet.
terminal-first-poll = Der erste Abruf brachte { $articles } neue(n) Artikel aus { $sources } Quelle(n): /digest zeigt sie.
admin-action-subscription = ihr Abo ändern
admin-action-sources = die Quellen dieses Chats ändern
welcome-back = Danke, dass ich wieder da sein darf. Der tägliche Digest hier läuft wieder, mit den bisherigen Einstellungen: /settings zeigt sie.
welcome-new = Hallo! Ich bin Quotewire: ein täglicher Nachrichten-Digest mit den wichtigsten Zitaten und wer sie gesagt hat. Ein Admin kann /subscribe senden, um ihn hier jeden Tag zu bekommen; /help listet die Befehle.
