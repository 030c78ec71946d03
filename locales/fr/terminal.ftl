# Au terminal : les fichiers dans les réponses, et les personnes suivies (rien n’y est publié entre les commandes).

terminal-file-start = --- { $name } ---
terminal-file-end = --- fin de { $name } ---
follow-done-terminal = Vous suivez { $name }. Rien n’est publié au terminal entre les commandes : /following montre la citation la plus récente de chaque personne suivie. /unfollow { $name } arrête le suivi.
following-no-quote-yet = pas encore de citation
