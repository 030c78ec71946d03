# Réponses de l’exécution des commandes, de l’analyseur, des droits d’accès, de l’anti-flood et des adaptateurs.

runner-store-unavailable = Désolé, /{ $command } ne peut pas répondre pour l’instant : le stockage du bot est indisponible. Réessayez dans une minute.
runner-failed = Désolé, /{ $command } a échoué cette fois (la raison est dans le journal du bot). Réessayez dans une minute.
runner-nothing-more = Plus rien à afficher : cette liste est terminée ou a expiré. Redemandez pour recommencer.
access-operators-only = /{ $command } est réservé aux opérateurs du bot.
access-operators-only-id = /{ $command } est réservé aux opérateurs du bot. Votre identifiant { $platform } est { $userId } : un opérateur peut l’ajouter à { $platform }.operators dans la configuration.
access-admins-only = Seuls les administrateurs de ce groupe peuvent { $action }. Demandez à l’un d’eux ; tout le monde peut utiliser /digest et /quotes.
parse-unknown = commande inconnue /{ $name } : tapez /help pour la liste.
parse-unknown-suggest = commande inconnue /{ $name } : vouliez-vous dire { $suggestions } ? Tapez /help pour la liste.
parse-or = ou
parse-needs = /{ $command } a besoin de <{ $option }>. Usage : { $usage }
parse-one-of = l’un de { $choices }
parse-whole-number = un nombre entier
parse-bad-value = /{ $command } : <{ $option }> doit être { $expected }, pas "{ $value }".{ $hint } Usage : { $usage }
parse-too-much = /{ $command } a reçu plus qu’il n’accepte ("{ $extra }"). Usage : { $usage }
parse-flag = /{ $command } ne prend pas d’options comme "{ $flag }" : il lit des mots simples. Usage : { $usage }
parse-quote-hint = Si "{ $words }" est tout entier <{ $option }>, mettez-le entre "guillemets droits".
flood-slow-down = Doucement : c’est plus de commandes que je n’en traite à la fois. J’ignore les vôtres pendant { $seconds ->
        [one] environ une seconde
       *[other] environ { $seconds } secondes
    }, puis je réponds de nouveau.
chat-not-a-command = Les commandes commencent par "/" : essayez /help, /digest ou /quotes <nom>.
chat-restarting = Quotewire redémarre : réessayez dans une minute.
chat-stale-command = /{ $command } n’est plus une commande de ce bot. Demandez à son opérateur de lancer "quotewire deploy-commands".
list-more = … et { $count } de plus
button-more = Suite ›
more-hint-terminal = Suite : tapez /more
terminal-welcome = Quotewire : { $count } source(s). Tapez /help pour les commandes.
terminal-welcome-interactive = Quotewire : { $count } source(s). Tapez /help pour les commandes, Ctrl-D pour quitter.
terminal-first-poll = La première relève a apporté { $articles } nouvel(s) article(s) de { $sources } source(s) : /digest les montre.
admin-action-subscription = modifier son abonnement
admin-action-sources = modifier les sources de ce chat
welcome-back = Merci de m’avoir réinvité. Le digest quotidien reprend ici, avec ses réglages d’avant : /settings les affiche.
welcome-new = Bonjour ! Je suis Quotewire : un digest quotidien de l’actualité, avec les citations clés et qui les a prononcées. Un administrateur peut envoyer /subscribe pour le recevoir ici chaque jour ; /help liste les commandes.
