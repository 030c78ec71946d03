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
time-bad-time = "{ $time }" no es una hora del día. Usa HH:MM en formato de 24 horas, p. ej. /time 07:30.
time-bad-zone = "{ $zone }" no es una zona horaria. Usa Región/Ciudad, p. ej. Europe/Madrid, America/New_York o Asia/Tokyo.
time-set = Hora de entrega fijada.
settings-lead = El resumen diario de este chat:
settings-language-set = Idioma fijado.
settings-language-choose = Elige un idioma que el bot conozca: { $languages }.
settings-language-here = Idioma: { $language }. Cámbialo con /settings language <code>.

subscription-topics = Temas:
subscription-all-news = todas las noticias
subscription-delivery = Entrega: cada día a las
subscription-language = Idioma:
subscription-status = Estado:
subscription-paused = en pausa ({ $reason }); /subscribe la reanuda
subscription-next = próximo resumen { $when }
subscription-change = Cambia con /topics, /time HH:MM [Región/Ciudad], /settings language <code>; detén con /unsubscribe.
subscription-none-here = Las suscripciones son para chats de Telegram o Discord. Aquí, /digest muestra el resumen de hoy en cualquier momento.
subscription-not-subscribed = Este chat aún no está suscrito. Envía /subscribe [temas...] para recibir el resumen cada día.

source-not-found = No hay ninguna fuente "{ $id }". /sources muestra los ids.
source-removed-config = { $id } quitada, una fuente del archivo de configuración: seguirá desactivada tras un reinicio hasta /source restore { $id }. Sus artículos siguen guardados.
source-removed = { $id } quitada. Sus artículos siguen guardados.
source-not-removed = "{ $id }" no es una fuente de configuración quitada. /source add <url> añade una nueva.
source-not-removed-list = "{ $id }" no es una fuente de configuración quitada. Quitadas: { $hidden }. /source add <url> añade una nueva.
source-restored = { $id } restaurada ({ $url }): { $count } artículo(s) nuevo(s).
source-refused = No añadida: { $reason }
source-added = { $id } añadida ({ $url }): { $count } artículo(s) guardado(s) hasta ahora.
source-restored-config = Fuente de configuración { $id } restaurada ({ $url }): { $count } artículo(s) guardado(s) hasta ahora.

sources-none = Aún no hay fuentes. Un operador puede añadir una con /source add <url>.
sources-title = Fuentes ({ $count })
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
