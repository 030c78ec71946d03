# Réponses des commandes du chat.

intro-digest = Un digest quotidien de l’actualité qui compte, avec les citations clés et leurs auteurs.
start-intro = Un digest quotidien de l’actualité qui compte, avec les citations clés et leurs auteurs, tiré des sources que lit ce bot.
start-subscribe = le digest ici chaque jour à { $time } { $zone }
start-subscribe-topics = seulement les articles sur ces sujets
start-time = votre heure et votre fuseau horaire
start-digest = le digest du jour tout de suite
start-quotes = ce qu’une personne a dit
start-groups = Dans les groupes, les administrateurs gèrent l’abonnement. /help liste toutes les commandes.

subscribe-created = Abonné : le digest arrivera ici chaque jour.
subscribe-updated = Abonnement mis à jour.
unsubscribe-done = Désabonné : plus de digest quotidien ici. /subscribe le rétablit.
unsubscribe-not-subscribed = Ce chat n’était pas abonné. /subscribe lance le digest quotidien.
topics-current = Sujets : { $topics }. Changez-les avec /topics <mots>, ou /topics all.
topics-all = Sujets : toute l’actualité. Affinez avec /topics <mots>, p. ex. /topics climat énergie.
topics-set = Sujets définis : { $topics }.
topics-cleared = Sujets effacés : toute l’actualité.
topics-left-out = Laissés de côté : { $words } (un chat a au plus { $max } sujets, de { $chars } caractères au plus chacun).
time-bad-time = "{ $time }" n’est pas une heure. Utilisez HH:MM sur 24 heures, p. ex. /time 07:30.
time-bad-zone = "{ $zone }" n’est pas un fuseau horaire. Utilisez Région/Ville, p. ex. Europe/Paris, America/New_York ou Asia/Tokyo.
time-set = Heure d’envoi réglée.
settings-lead = Le digest quotidien de ce chat :
settings-language-set = Langue définie.
settings-language-choose = Choisissez une langue que le bot connaît : { $languages }.
settings-language-here = Langue : { $language }. Changez-la avec /settings language <code>.

subscription-topics = Sujets :
subscription-all-news = toute l’actualité
subscription-language = Langue :
subscription-status = État :
subscription-paused = en pause ({ $reason }) ; /subscribe le reprend
subscription-next = prochain digest { $when }
subscription-change = Modifiez avec /topics, /time HH:MM [Région/Ville], /schedule, /mode, /filter, /follow, /settings language|images|quiet|silent ; arrêtez avec /unsubscribe.
subscription-none-here = Les abonnements sont pour les chats Telegram ou Discord. Ici, /digest montre le digest du jour à tout moment, avec les filtres de /filter ; /follow et /following marchent ici aussi.
subscription-not-subscribed = Ce chat n’est pas encore abonné. Envoyez /subscribe [sujets...] pour recevoir le digest chaque jour.

source-not-found = Aucune source "{ $id }". /sources liste les ids.
source-removed-config = { $id } retirée, une source du fichier de configuration : elle reste désactivée après un redémarrage jusqu’à /source restore { $id }. Ses articles restent stockés.
source-removed = { $id } retirée. Ses articles restent stockés.
source-not-removed = "{ $id }" n’est pas une source de configuration retirée. /source add <url> en ajoute une nouvelle.
source-not-removed-list = "{ $id }" n’est pas une source de configuration retirée. Sources retirées : { $hidden }. /source add <url> en ajoute une nouvelle.
source-restored = { $id } rétablie ({ $url }) : { $count } nouvel(s) article(s).
source-refused = Non ajoutée : { $reason }
source-added = { $id } ajoutée ({ $url }) : { $count } article(s) stocké(s) jusqu’ici.
source-found-feed = { $page } est une page web sans article ; elle renvoie à son flux, et c’est lui qui a été ajouté.
source-restored-config = Source de configuration { $id } rétablie ({ $url }) : { $count } article(s) stocké(s) jusqu’ici.

sources-removed-title = Retirées de la liste de la configuration ({ $count })
sources-removed-item = retirée le { $date } :
sources-removed-item-by = retirée le { $date } par { $who } :
sources-operators = Opérateurs : /source add <url>, /source remove <id>, /source restore <id>.
sources-failing = en échec ({ $count }x) : { $error }
sources-failing-next = en échec ({ $count }x) : { $error } ; prochain essai { $next }
sources-ok = ok, dernier relevé { $at }, { $count } article(s) stocké(s)
sources-not-fetched = pas encore relevée
sources-unreadable = { $count } fichier(s) illisible(s) : { $problems }
sources-origin-config = fichier de configuration
sources-origin-added = ajoutée
sources-origin-added-by = ajoutée par { $who }

quotes-type-a-name = Tapez un nom après /quotes, comme /quotes macron ou /quotes "Emmanuel Macron". /quotes seul liste les personnes les plus citées du jour.
quotes-nobody = Personne du nom de "{ $name }" n’a encore été cité. /speakers liste toutes les personnes citées.
quotes-nobody-closest = Personne du nom de "{ $name }" n’a encore été cité. Les plus proches : { $names }. Essayez /quotes "{ $first }".
quotes-filter = avec { $words }
quotes-among = parmi les { $count } plus récentes
quotes-no-more = Plus de citations{ $filter }{ $among }.
quotes-none = { $who } : aucune citation{ $filter }{ $among }.
quotes-none-narrow = { $who } : aucune citation{ $filter }{ $among }. Un nom complet ou d’autres mots affinent la recherche.
quotes-title = Citations de { $who }{ $filter } ({ $range })
quotes-corrected = Personne ne s’appelle "{ $name }" ; voici { $who }.
quotes-many-speakers = { $count } personnes correspondent : { $names }. Pour l’une d’elles : /quotes "{ $first }".
quotes-many-speakers-more = { $count } personnes correspondent : { $names } et { $more } de plus. Pour l’une d’elles : /quotes "{ $first }".
quotes-searched = Recherche faite dans les { $count } citations les plus récentes.
quotes-source = source
names-and = { $names } et { $last }
names-and-others =
    { $count ->
        [one] { $names } et 1 autre
       *[other] { $names } et { $count } autres
    }
range = { $from }–{ $to }
range-of = { $from }–{ $to } sur { $total }
most-quoted-none = Personne n’a été cité cette semaine. /speakers liste toutes les personnes citées ; /quotes <nom> montre ce qu’une personne a dit.
most-quoted-today = Les plus cités aujourd’hui ({ $day })
most-quoted-on = Les plus cités le { $day }, dernier jour avec des citations
quote-count =
    { $count ->
        [one] { $count } citation
       *[other] { $count } citations
    }
most-quoted-hint = Ce que l’une de ces personnes a dit : /quotes <nom>.
speakers-no-more = Plus de personnes.
speakers-none-prefix = Aucun nom ne commence par "{ $prefix }". /speakers seul les liste toutes.
speakers-none = Personne n’a encore été cité : les citations apparaissent à mesure que les sources sont lues.
speakers-item =
    { $count ->
        [one] { $count } citation
       *[other] { $count } citations
    }, dernière le { $date }
speakers-organisation = organisation
speakers-also = aussi { $aliases }
speakers-title = Personnes citées ({ $range })
speakers-title-prefix = Personnes citées commençant par "{ $prefix }…" ({ $range })
speakers-hint = Ce que l’une d’elles a dit : /quotes <nom>.
subscription-images = Images :
subscription-on = activées
subscription-off = désactivées
settings-images-choose = Écrivez /settings images on (une image avec l’article principal) ou /settings images off.
settings-images-on = Images activées.
settings-images-off = Images désactivées.
source-terminal-no-chat = Le terminal n’a pas de chat à lui : /source add <url> ajoute une source pour tous les chats.
source-added-chat = { $id } ({ $url }) ajoutée pour ce chat : { $count } article(s) enregistré(s) pour l’instant. Ses nouvelles vont dans le digest de ce chat ; /source remove { $id } l’arrête.
source-added-chat-shared = { $id } ({ $url }) ajoutée pour ce chat. D’autres chats la lisent déjà, elle est donc partagée ; /source remove { $id } l’arrête ici.
source-added-everyone = { $id } ({ $url }) ajoutée : elle est maintenant lue pour tous les chats.
source-removed-chat = { $id } retirée des sources de ce chat. Ses articles restent enregistrés.
source-remove-global-refused = { $id } est lue pour tous les chats ; seuls les opérateurs du bot peuvent la retirer.
source-not-in-chat = Ce chat n’a pas de source « { $id } ». /sources liste les identifiants.
source-removed-chats = { $id } retirée, une source de { $count } chat(s) ; ils ont été prévenus. Ses articles restent enregistrés.
source-operators-only = { $what } change ce que lisent tous les chats, c’est donc réservé aux opérateurs du bot ; /source add <url> ajoute une source pour ce chat.
source-operators-only-id = { $what } change ce que lisent tous les chats, c’est donc réservé aux opérateurs du bot ; /source add <url> ajoute une source pour ce chat. Votre identifiant { $platform } est { $userId } : un opérateur peut l’ajouter à { $platform }.operators dans la configuration.
sources-chat-title = Sources de ce chat ({ $count } sur { $limit })
sources-chat-none = Aucune pour l’instant. Les administrateurs de ce chat peuvent en ajouter une avec /source add <url>.
sources-global-none = Pas encore de sources pour tous les chats. Un opérateur peut en ajouter une avec /source add <url> global.
sources-global-title = Sources pour tous les chats ({ $count })
sources-chats-title = Sources propres aux chats ({ $count })
sources-operators-chat = Opérateurs : /source add <url> global ajoute pour tous les chats ; /source remove <id>, /source restore <id>.
sources-origin-shared = { $added }, lue par { $count } chats
notice-source-removed = L’opérateur du bot a retiré { $id } ({ $url }), une des sources de ce chat : ses nouvelles n’arrivent donc plus ici. Demandez-lui pourquoi, ou ajoutez une autre adresse avec /source add <url>.
notice-source-failing-chat = Une des sources de ce chat, { $id } ({ $url }), a échoué { $count } fois de suite : { $reason }. Quotewire continue d’essayer et ne le redira pas avant qu’elle remarche. Pour corriger : { $fix }
notice-source-failing-global = Une source que lisent tous les chats, { $id } ({ $url }), a échoué { $count } fois de suite : { $reason }. Quotewire continue d’essayer et ne le redira pas avant qu’elle remarche. Pour corriger : { $fix }
notice-fix-config = vérifiez que { $url } s’ouvre encore dans un navigateur ; si le flux a déménagé, changez son url dans le fichier de configuration, ou arrêtez-le avec /source remove { $id }.
notice-fix-global = vérifiez que { $url } s’ouvre encore dans un navigateur ; si le flux a déménagé : /source remove { $id } puis /source add <nouvelle adresse> global.
notice-fix-chat = vérifiez que l’adresse s’ouvre encore dans un navigateur ; si le flux a déménagé : /source remove { $id } puis /source add <nouvelle adresse>.
pause-removed-from-chat = le bot a été retiré de ce chat
pause-removed-from-server = le bot a été retiré de ce serveur ; rajoutez-le pour reprendre
pause-channel-deleted = le salon a été supprimé ; utilisez /subscribe dans un autre salon
attachment-too-large = le fichier dépasse { $kb } Ko
attachment-not-handed-over = la plateforme n’a pas transmis le fichier ; renvoyez-le
attachment-not-downloaded = le fichier n’a pas pu être téléchargé (HTTP { $status }) ; renvoyez-le
weblogin-web-off = La page web est désactivée : lancez Quotewire avec --web, ou mettez web.enabled: true dans la configuration.
weblogin-console-off = La console d’opérateur est désactivée (web.console dans la configuration).
weblogin-not-running = La page web ne tourne pas encore. Réessayez dans un instant.
weblogin-private-only = Un lien de connexion n’est envoyé qu’en chat privé, où personne d’autre ne le voit : envoyez /weblogin directement au bot.
weblogin-link = Votre lien de connexion unique à la console web (il marche une fois, pendant dix minutes) :
export-none-chat = Ce chat n’a pas encore de sources à lui : /source add <url> ou /import en ajoute. /sources liste celles que lisent tous les chats.
export-none = Aucune adresse de flux ou de page à exporter (les fichiers et dossiers locaux n’en ont pas).
export-done = { $count } source(s) en OPML : importez le fichier dans n’importe quel lecteur de flux, ou dans un autre chat avec /import.
import-nothing = Rien d’importé : { $reason }.
import-unreadable = le fichier n’a pas pu être lu
import-path-too-large = { $path } dépasse { $kb } Ko
import-give-path = Donnez le chemin d’un fichier OPML : /import ./feeds.opml
import-send-file = Envoyez votre fichier .opml avec /import en légende (Telegram), ou joignez-le à /import (Discord). Les lecteurs de flux comme Feedly, Miniflux et FreshRSS en exportent un.
import-summary = Importé : { $added } ajouté(s), { $skipped } ignoré(s), { $refused } refusé(s), sur { $total } flux.
import-summary-titled = « { $title } » importé : { $added } ajouté(s), { $skipped } ignoré(s), { $refused } refusé(s), sur { $total } flux.
import-truncated = Seuls les { $max } premiers flux du fichier ont été lus.
import-added = Ajoutés
import-added-as = sous { $id }
import-skipped = Ignorés
import-refused = Refusés
import-listed-twice = présent deux fois dans le fichier
opml-not-xml = le fichier n’est pas du XML bien formé, donc pas de l’OPML ; exportez à nouveau vos flux depuis votre lecteur
opml-other-xml = le fichier est du XML <{ $element }>, pas de l’OPML ; exportez vos flux en OPML depuis votre lecteur
opml-no-body = le fichier OPML n’a pas de <body>, donc aucun flux
admission-too-long = cette adresse fait { $length } caractères ; l’adresse d’une source peut en avoir au plus { $max }
admission-already-source = déjà une source, sous { $id }
admission-already-global = déjà lue pour tous les chats, sous { $id }
admission-already-chat = déjà une des sources de ce chat, sous { $id }
admission-quota = ce chat a { $limit } source(s), autant que ce bot le permet ; retirez-en d’abord une avec /source remove <id>
admission-chat-sources-off = l’opérateur de ce bot n’autorise pas les chats à ajouter leurs propres sources (chatSources.maxPerChat vaut 0)
schedule-daily = chaque jour à { $at }
schedule-weekdays = du lundi au vendredi à { $at }
schedule-weekly = chaque { $day } à { $at }
schedule-twice = deux fois par jour, à { $first } et { $second }
instant-off = désactivés (/mode instant les active)
instant-stories = nouveaux articles
instant-quotes = citations de { $follows } personne(s) suivie(s)
instant-stories-and-quotes = nouveaux articles et citations de { $follows } personne(s) suivie(s)
instant-batching = { $what }, au plus toutes les { $minutes } min et { $perHour } par heure
subscription-mode = Mode :
subscription-digest = Digest :
subscription-digest-none = aucun (mode instantané ; /mode both l’ajoute)
subscription-instant = Envois instantanés :
subscription-quiet = Heures calmes :
subscription-none = aucune
subscription-notifications = Notifications :
subscription-silent = silencieuses
subscription-filters = Filtres :
subscription-filter-count = { $count } (/filter les liste)
subscription-active = actif
settings-quiet-choose = Donnez les heures calmes sous la forme début-fin sur 24 heures, par ex. /settings quiet 22:00-07:00, ou /settings quiet off.
settings-quiet-set = Heures calmes définies : aucun envoi instantané de { $from } à { $to } ({ $zone }) ; ce qui arrive entre-temps est envoyé à la fin.
settings-quiet-off = Heures calmes désactivées.
settings-silent-choose = Utilisez /settings silent on, ou /settings silent off.
settings-silent-on = Envoi silencieux activé : digests et messages arrivent sans son de notification.
settings-silent-off = Envoi silencieux désactivé : les envois notifient comme d’habitude.
mode-lead = Les envois de ce chat :
mode-set-daily = Mode défini : le digest selon son calendrier, sans envois instantanés.
mode-set-instant = Mode défini : chaque nouvel article est envoyé ici dès qu’il arrive, par lots ; pas de digest.
mode-set-both = Mode défini : les nouveaux articles dès leur arrivée, et le digest selon son calendrier.
mode-bad-minutes = Les lots peuvent arriver toutes les { $min } à 1440 minutes, pas { $minutes } : ex. /mode { $mode } { $example }.
mode-bad-per-hour = Les envois par heure vont de 1 à { $max }, pas { $perHour } : ex. { $example }.
schedule-lead = Le calendrier de ce chat :
schedule-set = Calendrier défini.
schedule-name-day = Nommez un jour de la semaine, ex. /schedule weekly monday.
schedule-name-day-suggest = Nommez un jour de la semaine, ex. /schedule weekly monday. Vouliez-vous dire { $suggestions } ?
schedule-bad-times = Donnez les heures sur 24 heures : /schedule twice 18:00 (avec celle de /time), ou /schedule twice 07:30 18:00.
schedule-same-times = Les deux heures sont { $time } : choisissez-en deux différentes.
schedule-takes-nothing = /schedule { $frequency } ne prend rien de plus ; l’heure se règle avec /time HH:MM.
follow-type-a-name = Tapez un nom après /{ $command }, par ex. /{ $command } pompeo ou /{ $command } "Mike Pompeo".
follow-nobody-closest = Personne du nom de « { $name } » n’a encore été cité. Les plus proches : { $names }. Essayez /{ $command } "{ $first }".
follow-name-only = /{ $command } ne prend qu’un nom : « { $words } » ne fait pas partie du nom de { $name }. Essayez /{ $command } "{ $name }".
follow-which-one = « { $name } » peut désigner { $count } personnes. Laquelle ? { $choices }
follow-already = Ce chat suit déjà { $name }. /following liste qui il suit.
follow-too-many = Un chat peut suivre au plus { $max } personnes. Faites d’abord /unfollow sur quelqu’un.
follow-done = Vous suivez { $name } : chaque nouvelle citation arrive ici avec son article, au plus { $minutes ->
        [one] chaque minute
       *[other] toutes les { $minutes } minutes
    } et { $perHour ->
        [one] 1 message
       *[other] { $perHour } messages
    } par heure. /unfollow { $name } l’arrête.
unfollow-nobody = Ce chat ne suit personne. /follow <nom> commence.
unfollow-done = Vous ne suivez plus { $names }.
unfollow-not-followed = Ce chat ne suit pas « { $name } ». Il suit { $names }.
following-nobody = Ce chat ne suit personne. /follow <nom> amène ici chaque nouvelle citation d’une personne.
following-title = Ce chat suit :
following-since = depuis le { $date }
following-hint = /unfollow <nom> en arrête une.
follow-done-corrected = Personne ne s’appelle « { $asked } » ; vous suivez { $name } : chaque nouvelle citation arrive ici avec son article, au plus { $minutes ->
        [one] chaque minute
       *[other] toutes les { $minutes } minutes
    } et { $perHour ->
        [one] 1 message
       *[other] { $perHour } messages
    } par heure. /unfollow { $name } l’arrête.
filter-how = Les filtres s’appliquent aux envois instantanés et au digest : mots entiers, sans tenir compte de la casse ni des accents. /filter add exclude "transfer window", /filter add include huawei source:<id>, /filter remove <numéro>, /filter clear.
filter-none = Aucun filtre : tous les articles arrivent.
filter-title = Les filtres de ce chat :
filter-cleared =
    { $count ->
        [one] Le seul filtre a été retiré : tous les articles arrivent.
       *[other] Les { $count } filtres ont été retirés : tous les articles arrivent.
    }
filter-were-none = Il n’y avait aucun filtre.
filter-no-number = Il n’y a pas de filtre { $number } ; ce chat en a { $count }. /filter les liste.
filter-removed-number = Filtre { $number } retiré.
filter-added = Ajouté : { $rules }.
filter-not-found = Ce chat n’a pas de filtre { $rules }. /filter les liste.
filter-removed = Retiré.
filter-remaining =
    { $count ->
        [one] { $count } filtre maintenant ; /filter les liste.
       *[other] { $count } filtres maintenant ; /filter les liste.
    }
filter-none-now = Plus aucun filtre : tous les articles arrivent.
filter-say-kind = Dites include ou exclude : /filter add exclude "transfer window".
filter-bad-kind = « { $value } » n’est ni include ni exclude. Ex. /filter add include huawei.
filter-bad-kind-suggest = « { $value } » n’est ni include ni exclude : vouliez-vous dire { $suggestion } ? Ex. /filter add include huawei.
filter-too-long = C’est trop long pour des filtres : { $max } caractères au plus chacun.
filter-no-source = Il n’y a pas de source « { $id } ». /sources liste les identifiants.
filter-no-source-suggest = Il n’y a pas de source « { $id } » : vouliez-vous dire { $suggestions } ? /sources liste les identifiants.
filter-say-words = Dites quels mots : /filter add { $kind } huawei, ou une phrase entre guillemets.
filter-too-many = Un chat peut avoir au plus { $max } filtres ; celui-ci en a { $count }. Retirez-en d’abord avec /filter remove.
filter-rule-too-long = un filtre fait au plus { $max } caractères ; utilisez une phrase plus courte.
filter-rule-no-letters = un filtre doit contenir au moins une lettre ou un chiffre.
filter-rule-too-many-words = une phrase fait au plus { $max } mots ; utilisez-en une plus courte.
