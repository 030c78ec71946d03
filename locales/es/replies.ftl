# Respuestas de los comandos del chat.

intro-digest = Un resumen diario de las noticias que importan, con las citas clave y quién las dijo.
start-intro = Un resumen diario de las noticias que importan, con las citas clave y quién las dijo, de las fuentes que lee este bot.
start-subscribe = el resumen aquí cada día a las { $time } { $zone }
start-subscribe-topics = solo noticias sobre estos temas
start-time = tu hora y zona horaria
start-digest = el resumen de hoy al momento
start-quotes = lo que dijo una persona
start-groups = En los grupos, los administradores gestionan la suscripción. /help muestra todos los comandos.

subscribe-created = Suscrito: el resumen llegará aquí cada día.
subscribe-updated = Suscripción actualizada.
unsubscribe-done = Suscripción cancelada: no habrá más resúmenes diarios aquí. /subscribe los recupera.
unsubscribe-not-subscribed = Este chat no estaba suscrito. /subscribe inicia el resumen diario.
topics-current = Temas: { $topics }. Cámbialos con /topics <palabras>, o /topics all.
topics-all = Temas: todas las noticias. Acótalo con /topics <palabras>, p. ej. /topics clima energía.
topics-set = Temas fijados: { $topics }.
topics-cleared = Temas borrados: todas las noticias.
topics-left-out = Omitidos: { $words } (un chat tiene como máximo { $max } temas, de { $chars } caracteres como máximo cada uno).
time-bad-time = "{ $time }" no es una hora del día. Usa HH:MM en formato de 24 horas, p. ej. /time 07:30.
time-bad-zone = "{ $zone }" no es una zona horaria. Usa Región/Ciudad, p. ej. Europe/Madrid, America/New_York o Asia/Tokyo.
time-set = Hora de entrega fijada.
settings-lead = El resumen diario de este chat:
settings-language-set = Idioma fijado.
settings-language-choose = Elige un idioma que el bot conozca: { $languages }.
settings-language-here = Idioma: { $language }. Cámbialo con /settings language <code>.

subscription-topics = Temas:
subscription-all-news = todas las noticias
subscription-language = Idioma:
subscription-status = Estado:
subscription-paused = en pausa ({ $reason }); /subscribe la reanuda
subscription-next = próximo resumen { $when }
subscription-change = Cambia con /topics, /time HH:MM [Región/Ciudad], /schedule, /mode, /filter, /follow, /settings language|images|quiet|silent; detén con /unsubscribe.
subscription-none-here = Las suscripciones son para chats de Telegram o Discord. Aquí, /digest muestra el resumen de hoy en cualquier momento, con los filtros de /filter; /follow y /following también funcionan aquí.
subscription-not-subscribed = Este chat aún no está suscrito. Envía /subscribe [temas...] para recibir el resumen cada día.

source-not-found = No hay ninguna fuente "{ $id }". /sources muestra los ids.
source-removed-config = { $id } quitada, una fuente del archivo de configuración: seguirá desactivada tras un reinicio hasta /source restore { $id }. Sus artículos siguen guardados.
source-removed = { $id } quitada. Sus artículos siguen guardados.
source-not-removed = "{ $id }" no es una fuente de configuración quitada. /source add <url> añade una nueva.
source-not-removed-list = "{ $id }" no es una fuente de configuración quitada. Quitadas: { $hidden }. /source add <url> añade una nueva.
source-restored = { $id } restaurada ({ $url }): { $count } artículo(s) nuevo(s).
source-refused = No añadida: { $reason }
source-added = { $id } añadida ({ $url }): { $count } artículo(s) guardado(s) hasta ahora.
source-found-feed = { $page } es una página web sin artículo; enlaza a su feed, y eso es lo que se añadió.
source-restored-config = Fuente de configuración { $id } restaurada ({ $url }): { $count } artículo(s) guardado(s) hasta ahora.

sources-removed-title = Quitadas de la lista de la configuración ({ $count })
sources-removed-item = quitada el { $date }:
sources-removed-item-by = quitada el { $date } por { $who }:
sources-operators = Operadores: /source add <url>, /source remove <id>, /source restore <id>.
sources-failing = fallando ({ $count }x): { $error }
sources-failing-next = fallando ({ $count }x): { $error }; próximo intento { $next }
sources-ok = ok, última lectura { $at }, { $count } artículo(s) guardado(s)
sources-not-fetched = aún no leída
sources-unreadable = { $count } archivo(s) ilegible(s): { $problems }
sources-origin-config = archivo de configuración
sources-origin-added = añadida
sources-origin-added-by = añadida por { $who }

quotes-type-a-name = Escribe un nombre después de /quotes, como /quotes sánchez o /quotes "Pedro Sánchez". /quotes solo muestra las personas más citadas de hoy.
quotes-nobody = Nadie llamado "{ $name }" ha sido citado todavía. /speakers muestra a todos los citados.
quotes-nobody-closest = Nadie llamado "{ $name }" ha sido citado todavía. Los más parecidos: { $names }. Prueba /quotes "{ $first }".
quotes-filter = con { $words }
quotes-among = entre las { $count } más recientes
quotes-no-more = No hay más citas{ $filter }{ $among }.
quotes-none = { $who }: ninguna cita{ $filter }{ $among }.
quotes-none-narrow = { $who }: ninguna cita{ $filter }{ $among }. Un nombre completo u otras palabras acotan la búsqueda.
quotes-title = Citas de { $who }{ $filter } ({ $range })
quotes-corrected = Nadie se llama "{ $name }"; se muestra a { $who }.
quotes-many-speakers = { $count } personas coinciden: { $names }. Para una de ellas: /quotes "{ $first }".
quotes-many-speakers-more = { $count } personas coinciden: { $names } y { $more } más. Para una de ellas: /quotes "{ $first }".
quotes-searched = Se buscó en las { $count } citas más recientes.
quotes-source = fuente
names-and = { $names } y { $last }
names-and-others = { $names } y { $count } más
range = { $from }–{ $to }
range-of = { $from }–{ $to } de { $total }
most-quoted-none = Nadie ha sido citado en la última semana. /speakers muestra a todos los citados; /quotes <nombre> muestra lo que dijo una persona.
most-quoted-today = Los más citados hoy ({ $day })
most-quoted-on = Los más citados el { $day }, el último día con citas
quote-count =
    { $count ->
        [one] { $count } cita
       *[other] { $count } citas
    }
most-quoted-hint = Lo que dijo una de estas personas: /quotes <nombre>.
speakers-no-more = No hay más personas.
speakers-none-prefix = Ningún nombre empieza por "{ $prefix }". /speakers solo muestra a todos.
speakers-none = Nadie ha sido citado todavía: las citas aparecen a medida que se leen las fuentes.
speakers-item =
    { $count ->
        [one] { $count } cita
       *[other] { $count } citas
    }, la última el { $date }
speakers-organisation = organización
speakers-also = también { $aliases }
speakers-title = Personas citadas ({ $range })
speakers-title-prefix = Personas citadas que empiezan por "{ $prefix }…" ({ $range })
speakers-hint = Lo que dijo una de ellas: /quotes <nombre>.
subscription-images = Imágenes:
subscription-on = activadas
subscription-off = desactivadas
settings-images-choose = Escribe /settings images on (una imagen con la noticia principal) o /settings images off.
settings-images-on = Imágenes activadas.
settings-images-off = Imágenes desactivadas.
source-terminal-no-chat = El terminal no tiene chat propio: /source add <url> añade una fuente para todos los chats.
source-added-chat = { $id } ({ $url }) añadida para este chat: { $count } artículo(s) guardado(s) hasta ahora. Sus noticias van al resumen de este chat; /source remove { $id } lo detiene.
source-added-chat-shared = { $id } ({ $url }) añadida para este chat. Otros chats ya la leen, así que se comparte; /source remove { $id } la detiene aquí.
source-added-everyone = { $id } ({ $url }) añadida: ahora se lee para todos los chats.
source-removed-chat = { $id } quitada de las fuentes de este chat. Sus artículos siguen guardados.
source-remove-global-refused = { $id } se lee para todos los chats; solo los operadores del bot pueden quitarla.
source-not-in-chat = Este chat no tiene ninguna fuente «{ $id }». /sources muestra los identificadores.
source-removed-chats = { $id } quitada, una fuente de { $count } chat(s); se les ha avisado. Sus artículos siguen guardados.
source-operators-only = { $what } cambia lo que leen todos los chats, así que es solo para los operadores del bot; /source add <url> añade una fuente para este chat.
source-operators-only-id = { $what } cambia lo que leen todos los chats, así que es solo para los operadores del bot; /source add <url> añade una fuente para este chat. Tu id de usuario de { $platform } es { $userId }: un operador puede añadirlo a { $platform }.operators en la configuración.
sources-chat-title = Fuentes de este chat ({ $count } de { $limit })
sources-chat-none = Ninguna todavía. Los administradores de este chat pueden añadir una con /source add <url>.
sources-global-none = Todavía no hay fuentes para todos los chats. Un operador puede añadir una con /source add <url> global.
sources-global-title = Fuentes para todos los chats ({ $count })
sources-chats-title = Fuentes propias de los chats ({ $count })
sources-operators-chat = Operadores: /source add <url> global añade para todos los chats; /source remove <id>, /source restore <id>.
sources-origin-shared = { $added }, leída por { $count } chats
notice-source-removed = El operador del bot ha quitado { $id } ({ $url }), una de las fuentes de este chat, así que sus noticias ya no llegan aquí. Pregúntale por qué, o añade otra dirección con /source add <url>.
notice-source-failing-chat = Una de las fuentes de este chat, { $id } ({ $url }), ha fallado { $count ->
        [one] una vez
       *[other] { $count } veces seguidas
    }: { $reason }. Quotewire sigue intentándolo y no volverá a avisar hasta que funcione de nuevo. Para arreglarlo: { $fix }
notice-source-failing-global = Una fuente que leen todos los chats, { $id } ({ $url }), ha fallado { $count ->
        [one] una vez
       *[other] { $count } veces seguidas
    }: { $reason }. Quotewire sigue intentándolo y no volverá a avisar hasta que funcione de nuevo. Para arreglarlo: { $fix }
notice-fix-config = comprueba que { $url } todavía se abre en un navegador; si el feed se ha mudado, cambia su url en el archivo de configuración, o detenlo con /source remove { $id }.
notice-fix-global = comprueba que { $url } todavía se abre en un navegador; si el feed se ha mudado: /source remove { $id } y /source add <nueva dirección> global.
notice-fix-chat = comprueba que la dirección todavía se abre en un navegador; si el feed se ha mudado: /source remove { $id } y /source add <nueva dirección>.
pause-removed-from-chat = el bot fue eliminado de este chat
pause-removed-from-server = el bot fue eliminado de este servidor; vuelve a añadirlo para reanudar
pause-channel-deleted = el canal fue eliminado; usa /subscribe en otro canal
attachment-too-large = el archivo supera los { $kb } KB
attachment-not-handed-over = la plataforma no entregó el archivo; envíalo de nuevo
attachment-not-downloaded = no se pudo descargar el archivo (HTTP { $status }); envíalo de nuevo
weblogin-web-off = La página web está desactivada: inicia Quotewire con --web, o pon web.enabled: true en la configuración.
weblogin-console-off = La consola del operador está desactivada (web.console en la configuración).
weblogin-not-running = La página web todavía no está en marcha. Inténtalo de nuevo en un momento.
weblogin-private-only = Un enlace de acceso solo se envía en un chat privado, donde nadie más puede verlo: envía /weblogin al bot directamente.
weblogin-link = Tu enlace de acceso único a la consola web (funciona una vez, durante diez minutos):
export-none-chat = Este chat todavía no tiene fuentes propias: /source add <url> o /import añade algunas. /sources muestra las que leen todos los chats.
export-none = No hay direcciones de fuentes ni de páginas que exportar (los archivos y carpetas locales no tienen).
export-done = { $count } fuente(s) en OPML: importa el archivo en cualquier lector de feeds, o en otro chat con /import.
import-nothing = No se importó nada: { $reason }.
import-unreadable = no se pudo leer el archivo
import-path-too-large = { $path } supera los { $kb } KB
import-give-path = Indica la ruta de un archivo OPML: /import ./feeds.opml
import-send-file = Envía tu archivo .opml con /import como pie (Telegram), o adjúntalo a /import (Discord). Los lectores de feeds como Feedly, Miniflux y FreshRSS exportan uno.
import-summary = Importado: { $added } añadido(s), { $skipped } omitido(s), { $refused } rechazado(s), de { $total } feed(s).
import-summary-titled = «{ $title }» importado: { $added } añadido(s), { $skipped } omitido(s), { $refused } rechazado(s), de { $total } feed(s).
import-truncated = Solo se leyeron los primeros { $max } feeds del archivo.
import-added = Añadidos
import-added-as = como { $id }
import-skipped = Omitidos
import-refused = Rechazados
import-listed-twice = aparece dos veces en el archivo
opml-not-xml = el archivo no es XML bien formado, así que no es OPML; exporta de nuevo tus feeds desde tu lector
opml-other-xml = el archivo es XML <{ $element }>, no OPML; exporta tus feeds como OPML desde tu lector
opml-no-body = el archivo OPML no tiene <body>, así que no hay feeds
admission-too-long = esa dirección tiene { $length } caracteres; la dirección de una fuente puede tener como máximo { $max }
admission-already-source = ya es una fuente, como { $id }
admission-already-global = ya se lee para todos los chats, como { $id }
admission-already-chat = ya es una de las fuentes de este chat, como { $id }
admission-quota = este chat tiene { $limit } fuente(s), tantas como permite este bot; quita primero una con /source remove <id>
admission-chat-sources-off = el operador de este bot no permite que los chats añadan sus propias fuentes (chatSources.maxPerChat es 0)
schedule-daily = cada día a las { $at }
schedule-weekdays = de lunes a viernes a las { $at }
schedule-weekly = cada { $day } a las { $at }
schedule-twice = dos veces al día, a las { $first } y a las { $second }
instant-off = desactivados (/mode instant los activa)
instant-stories = noticias nuevas
instant-quotes = citas de { $follows } persona(s) seguida(s)
instant-stories-and-quotes = noticias nuevas y citas de { $follows } persona(s) seguida(s)
instant-batching = { $what }, como mucho cada { $minutes } min y { $perHour } por hora
subscription-mode = Modo:
subscription-digest = Resumen:
subscription-digest-none = ninguno (modo instantáneo; /mode both lo añade)
subscription-instant = Envíos instantáneos:
subscription-quiet = Horas de silencio:
subscription-none = ninguna
subscription-notifications = Notificaciones:
subscription-silent = silenciosas
subscription-filters = Filtros:
subscription-filter-count = { $count } (/filter los muestra)
subscription-active = activo
settings-quiet-choose = Indica las horas de silencio como desde-hasta en formato de 24 horas, p. ej. /settings quiet 22:00-07:00, o /settings quiet off.
settings-quiet-set = Horas de silencio fijadas: ningún envío instantáneo de { $from } a { $to } ({ $zone }); lo que llegue mientras tanto se publica al terminar.
settings-quiet-off = Horas de silencio desactivadas.
settings-silent-choose = Usa /settings silent on o /settings silent off.
settings-silent-on = Entrega silenciosa activada: los resúmenes y envíos llegan sin sonido de notificación.
settings-silent-off = Entrega silenciosa desactivada: las entregas notifican como siempre.
mode-lead = Las entregas de este chat:
mode-set-daily = Modo fijado: el resumen según su horario, sin envíos instantáneos.
mode-set-instant = Modo fijado: cada noticia nueva se publica aquí en cuanto llega, en tandas; sin resumen.
mode-set-both = Modo fijado: las noticias nuevas en cuanto llegan, y el resumen según su horario.
mode-bad-minutes = Las tandas pueden llegar cada { $min } a 1440 minutos, no { $minutes }: p. ej. /mode { $mode } { $example }.
mode-bad-per-hour = Los envíos por hora pueden ser de 1 a { $max }, no { $perHour }: p. ej. { $example }.
schedule-lead = El horario de este chat:
schedule-set = Horario fijado.
schedule-name-day = Indica un día de la semana, p. ej. /schedule weekly monday.
schedule-name-day-suggest = Indica un día de la semana, p. ej. /schedule weekly monday. ¿Querías decir { $suggestions }?
schedule-bad-times = Indica las horas en formato de 24 horas: /schedule twice 18:00 (junto con la de /time), o /schedule twice 07:30 18:00.
schedule-same-times = Las dos horas son { $time }: elige dos distintas.
schedule-takes-nothing = /schedule { $frequency } no admite nada más; la hora se fija con /time HH:MM.
follow-type-a-name = Escribe un nombre tras /{ $command }, como /{ $command } pompeo o /{ $command } "Mike Pompeo".
follow-nobody-closest = Nadie llamado «{ $name }» ha sido citado todavía. Lo más parecido: { $names }. Prueba /{ $command } "{ $first }".
follow-name-only = /{ $command } solo admite un nombre: «{ $words }» no forma parte del nombre de { $name }. Prueba /{ $command } "{ $name }".
follow-which-one = «{ $name }» podría ser { $count } personas. ¿Cuál? { $choices }
follow-already = Este chat ya sigue a { $name }. /following muestra a quién sigue.
follow-too-many = Un chat puede seguir como mucho a { $max } personas. Usa /unfollow con alguien primero.
follow-done = Siguiendo a { $name }: cada nueva cita llega aquí con su artículo, como mucho { $minutes ->
        [one] cada minuto
       *[other] cada { $minutes } minutos
    } y { $perHour ->
        [one] 1 envío
       *[other] { $perHour } envíos
    } por hora. /unfollow { $name } lo detiene.
unfollow-nobody = Este chat no sigue a nadie. /follow <nombre> empieza.
unfollow-done = Has dejado de seguir a { $names }.
unfollow-not-followed = Este chat no sigue a «{ $name }». Sigue a { $names }.
following-nobody = Este chat no sigue a nadie. /follow <nombre> trae aquí cada nueva cita de una persona.
following-title = Este chat sigue a:
following-since = desde el { $date }
following-hint = /unfollow <nombre> deja de seguir a una.
follow-done-corrected = Nadie se llama «{ $asked }»; siguiendo a { $name }: cada nueva cita llega aquí con su artículo, como mucho { $minutes ->
        [one] cada minuto
       *[other] cada { $minutes } minutos
    } y { $perHour ->
        [one] 1 envío
       *[other] { $perHour } envíos
    } por hora. /unfollow { $name } lo detiene.
filter-how = Los filtros se aplican a los envíos instantáneos y al resumen: palabras completas, sin importar mayúsculas ni acentos. /filter add exclude "transfer window", /filter add include huawei source:<id>, /filter remove <número>, /filter clear.
filter-none = Sin filtros: llegan todas las noticias.
filter-title = Los filtros de este chat:
filter-cleared =
    { $count ->
        [one] Quitado el único filtro: llegan todas las noticias.
       *[other] Quitados los { $count } filtros: llegan todas las noticias.
    }
filter-were-none = No había filtros.
filter-no-number = No hay filtro { $number }; este chat tiene { $count }. /filter los muestra.
filter-removed-number = Filtro { $number } quitado.
filter-added = Añadido: { $rules }.
filter-not-found = Este chat no tiene el filtro { $rules }. /filter los muestra.
filter-removed = Quitado.
filter-remaining =
    { $count ->
        [one] { $count } filtro ahora; /filter los muestra.
       *[other] { $count } filtros ahora; /filter los muestra.
    }
filter-none-now = Ya no hay filtros: llegan todas las noticias.
filter-say-kind = Di include o exclude: /filter add exclude "transfer window".
filter-bad-kind = «{ $value }» no es include ni exclude. P. ej. /filter add include huawei.
filter-bad-kind-suggest = «{ $value }» no es include ni exclude: ¿querías decir { $suggestion }? P. ej. /filter add include huawei.
filter-too-long = Es demasiado largo para filtros: como mucho { $max } caracteres cada uno.
filter-no-source = No hay ninguna fuente «{ $id }». /sources muestra los identificadores.
filter-no-source-suggest = No hay ninguna fuente «{ $id }»: ¿querías decir { $suggestions }? /sources muestra los identificadores.
filter-say-words = Di qué palabras: /filter add { $kind } huawei, o una frase entre comillas.
filter-too-many = Un chat puede tener como mucho { $max } filtros; este tiene { $count }. Quita algunos primero con /filter remove.
filter-rule-too-long = un filtro tiene como mucho { $max } caracteres; usa una frase más corta.
filter-rule-no-letters = un filtro necesita al menos una letra o un dígito.
filter-rule-too-many-words = una frase tiene como mucho { $max } palabras; usa una más corta.
