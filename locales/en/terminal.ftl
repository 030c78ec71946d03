# At the terminal: files shown in replies, and follows (nothing is posted there between commands).

terminal-file-start = --- { $name } ---
terminal-file-end = --- end of { $name } ---
follow-done-terminal = Following { $name }. Nothing is posted to the terminal between commands: /following shows the newest quote of each person followed. /unfollow { $name } stops it.
following-no-quote-yet = no quote yet
