# Am Terminal: Dateien in Antworten, und gefolgte Personen (dort wird zwischen Befehlen nichts gepostet).

terminal-file-start = --- { $name } ---
terminal-file-end = --- Ende von { $name } ---
follow-done-terminal = Du folgst { $name }. Ans Terminal wird zwischen Befehlen nichts gepostet: /following zeigt das neueste Zitat jeder Person, der du folgst. /unfollow { $name } beendet es.
following-no-quote-yet = noch kein Zitat
