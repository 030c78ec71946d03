# Pourquoi une source n’a pas pu être lue ou ajoutée (/source add, /import, /sources, avis de panne
# envoyés aux chats).

problem-redirect-loop = { $url } redirige de nouveau vers { $next }, une boucle ; le site est mal configuré, ouvrez-le dans un navigateur pour trouver la vraie adresse du flux
problem-too-many-redirects = { $url } a redirigé plus de { $max } fois (en dernier vers { $last }) ; utilisez directement l’adresse finale ou augmentez polling.maxRedirects dans la configuration
problem-timeout = { $url } n’a pas répondu en { $seconds } ; le site est peut-être lent ou en panne{ $then }
problem-bad-url = « { $text } » n’est pas une URL valide ; écrivez-la en entier, par exemple https://example.com/feed.xml
problem-bad-redirect = { $url } redirige vers « { $location } », qui n’est pas une URL valide ; le site est mal configuré
problem-too-large = { $url } { $unpacked ->
        [yes] donne une fois décompressé
       *[no] a envoyé
    } plus de { $size } ; augmentez polling.maxBytes dans la configuration si cette source est vraiment aussi grosse
problem-bad-encoding = { $broken ->
        [yes] { $url } a envoyé un contenu { $encoding } abîmé qui ne se décompresse pas ; le site est peut-être mal configuré{ $then }
       *[no] { $url } répond avec un Content-Encoding non pris en charge ({ $encoding }) ; le site envoie quelque chose que Quotewire ne sait pas lire
    }
problem-http-status = { $url } a répondu { $status } ; { $advice ->
        [rate-limited] le site limite le débit des requêtes{ $then }
        [rate-limited-wait] le site limite le débit des requêtes et demande d’attendre { $seconds }{ $then }
        [gone] le flux a peut-être déménagé ou été supprimé ; vérifiez l’adresse dans un navigateur
        [no-access] le site refuse l’accès ; vérifiez l’adresse, ou s’il demande une connexion
        [server] le site est peut-être en panne{ $then }
        [redirect] le site redirige sans dire vers où ; vérifiez l’adresse dans un navigateur
       *[other] vérifiez l’adresse dans un navigateur
    }
problem-network = { $cause ->
        [refused] impossible de se connecter à { $host } (connexion refusée) ; vérifiez l’adresse, ou que le site fonctionne
        [no-host] { $host } est introuvable (ce nom d’hôte n’existe pas) ; vérifiez l’adresse, sans faute de frappe
        [dns] impossible de résoudre { $host } (le DNS n’a pas répondu) ; vérifiez le réseau{ $then }
        [dropped] { $host } a coupé la connexion ; le site est peut-être surchargé{ $then }
        [connect-timeout] impossible de se connecter à { $host } à temps ; le site est peut-être en panne{ $then }
       *[unreachable] { $host } est injoignable depuis cette machine ; vérifiez le réseau
    }
problem-tls = { $host } a présenté un certificat TLS impossible à vérifier ({ $code }) ; la configuration HTTPS du site est défectueuse
problem-fetch-failed = impossible de récupérer { $url } ({ $detail }){ $then }
problem-not-http = { $url } n’est pas une adresse http ou https ; Quotewire ne récupère que des flux et des pages web
problem-scheme-typo = { $url } n’est pas une adresse http ou https ; vouliez-vous dire { $suggestion } ?
problem-forbidden-address = refusé : { $subject } { $via ->
        [host] se résout en
       *[url] pointe vers
    } { $range ->
        [loopback] une adresse de bouclage
        [private] une adresse privée
        [link-local] une adresse lien-local
        [metadata] une adresse de métadonnées cloud
        [unspecified] l’adresse non spécifiée
        [multicast] une adresse multicast
        [broadcast] l’adresse de diffusion
        [reserved] une adresse réservée
       *[invalid] une adresse invalide
    } ({ $address }) ; { $range ->
        [loopback] activez polling.allowLoopback dans la configuration pour l’autoriser
        [private] activez polling.allowPrivateAddresses dans la configuration pour l’autoriser
        [link-local] activez polling.allowPrivateAddresses dans la configuration pour l’autoriser
       *[other] Quotewire ne récupère jamais rien depuis de telles adresses
    }
problem-local-files-here = les fichiers et dossiers locaux ne s’ajoutent qu’au terminal ou dans le fichier de configuration ; ici, donnez une adresse complète, par exemple https://example.com/feed.xml
problem-not-file-url = « { $location } » n’est pas une URL de fichier ; donnez un chemin, par exemple /srv/news ou file:///srv/news
problem-no-file = aucun fichier ni dossier à { $path }
problem-not-url = « { $location } » n’est pas une URL ; donnez une adresse complète, par exemple https://example.com/feed.xml
problem-path-missing = { $path } n’existe pas ; vérifiez le chemin (le fichier a-t-il été déplacé ou renommé ?)
problem-path-unreadable = impossible de lire { $path } : { $code }
problem-file-too-large = { $path } dépasse polling.maxBytes ({ $max } octets)
problem-binary-file = { $name } n’est pas un document texte (il contient des données binaires : une image, un PDF, une archive ?) ; Quotewire lit les flux, les pages web, le Markdown et le texte brut
problem-no-text = { $name } ne contient aucun texte à lire ; vérifiez que c’est le bon fichier
problem-not-feed-or-page = { $url } sert du { $type }, ni un flux ni une page web ; vérifiez l’URL
problem-page-links-feed = { $url } est une page web sans article, mais elle renvoie vers un flux à { $feed } : ajoutez plutôt celui-ci
problem-feed-huge = le flux fait { $mb } Mo, bien plus que n’importe quel vrai flux ; vérifiez l’adresse
problem-html-no-feed = c’est une page HTML, pas un flux, et elle ne renvoie vers aucun ; trouvez l’adresse du flux RSS ou Atom du site et ajoutez-la
problem-html-feed-link = c’est une page HTML, pas un flux ; elle renvoie vers un flux à { $feed }{ $more ->
        [0] { "" }
       *[other] { " " }(et { $more } autres)
    } : ajoutez plutôt celui-ci
problem-empty-response = la réponse est vide ; vérifiez l’adresse ou réessayez plus tard
problem-bad-json = le flux n’est pas du JSON valide ; contactez l’éditeur ou réessayez plus tard
problem-json-not-feed = c’est du JSON mais pas un JSON Feed (il n’a pas de "version": "https://jsonfeed.org/version/…") ; vérifiez l’adresse
problem-opml-not-feed = c’est une liste d’abonnements OPML, pas un flux RSS, Atom ou JSON ; vérifiez l’adresse
problem-other-xml = c’est du XML avec une racine <{ $root }>, pas un flux RSS, Atom ou JSON ; vérifiez l’adresse
problem-plain-text = c’est du texte brut, pas un flux ; vérifiez l’adresse
problem-xml-broken = le flux n’est pas du XML bien formé (ligne { $line }) : { $detail } ; contactez l’éditeur ou réessayez plus tard
problem-too-deep = le flux imbrique des éléments sur plus de { $max } niveaux, ce que ne fait aucun vrai flux ; demandez à l’éditeur de le corriger
problem-no-article = { $url } : aucun texte d’article trouvé sur cette page : elle a peut-être besoin de JavaScript pour s’afficher, se trouve derrière une connexion ou un paywall, ou n’est qu’une liste de liens (une page d’accueil ou de rubrique) ; ajoutez plutôt le flux RSS du site, ou l’adresse d’un seul article
problem-feed-served-page = { $url } a répondu par une page web au lieu de son flux (une page de maintenance ou de vérification anti-robot ?){ $then }
problem-page-too-complex = { $url } : { $what ->
        [size] la page fait { $amount } millions de caractères
        [elements] la page a { $amount } éléments
       *[depth] la page imbrique son balisage sur { $amount } niveaux
    }, au-delà de ce que l’extraction d’articles accepte ; ajoutez plutôt le flux RSS du site
notice-unreadable = elle n’a pas pu être lue

# Le fichier OPML de /export (son <title>, affiché par les lecteurs de flux).
export-file-title = Sources Quotewire
export-file-title-chat = Sources Quotewire de { $chat }

# Pourquoi les envois sont en pause ici, quand la plateforme les a refusés (affiché par /settings).
pause-platform-said = la plateforme a refusé de publier ici (« { $reason } ») ; { $hint }
pause-hint-subscribe-again = dès que le bot peut de nouveau publier ici, envoyez /subscribe
pause-hint-cannot-see = le bot ne voit pas le salon ; donnez-lui « Voir le salon » là-bas, puis refaites /subscribe
pause-hint-no-permission = il manque des permissions au bot ; donnez-lui « Envoyer des messages » et « Intégrer des liens » dans le salon, puis refaites /subscribe
pause-hint-check-access = vérifiez que le bot est toujours sur le serveur et qu’il peut publier dans le salon

# How a passing problem ends: `then-retry` for a polled source (tried again with backoff),
# `then-try-later` for a one-off read such as adding a source, which nothing repeats.
problem-then-retry = , Quotewire réessaiera à intervalles croissants
problem-then-try-later = { " " }; réessayez plus tard
