# En el terminal: archivos en las respuestas, y personas seguidas (allí no se publica nada entre comandos).

terminal-file-start = --- { $name } ---
terminal-file-end = --- fin de { $name } ---
follow-done-terminal = Sigues a { $name }. En el terminal no se publica nada entre comandos: /following muestra la cita más reciente de cada persona que sigues. /unfollow { $name } lo detiene.
following-no-quote-yet = todavía sin citas
