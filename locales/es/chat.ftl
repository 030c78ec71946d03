# Respuestas de la ejecución de comandos, el analizador, los permisos, el control de flood y los adaptadores.

runner-store-unavailable = Lo siento, /{ $command } no puede responder ahora: el almacenamiento del bot no está disponible. Inténtalo de nuevo en un minuto.
runner-failed = Lo siento, /{ $command } ha fallado esta vez (el motivo está en el registro del bot). Inténtalo de nuevo en un minuto.
runner-nothing-more = No hay nada más que mostrar: esa lista terminó o caducó. Vuelve a preguntar para empezar de nuevo.
access-operators-only = /{ $command } es solo para los operadores del bot.
access-operators-only-id = /{ $command } es solo para los operadores del bot. Tu id de usuario de { $platform } es { $userId }: un operador puede añadirlo a { $platform }.operators en la configuración.
access-admins-only = Solo los administradores de este grupo pueden { $action }. Pídeselo a uno de ellos; mientras tanto, cualquiera puede usar /digest y /quotes.
parse-unknown = comando desconocido /{ $name }: escribe /help para ver la lista.
parse-unknown-suggest = comando desconocido /{ $name }: ¿quisiste decir { $suggestions }? Escribe /help para ver la lista.
parse-or = o
parse-needs = /{ $command } necesita <{ $option }>. Uso: { $usage }
parse-one-of = uno de { $choices }
parse-whole-number = un número entero
parse-bad-value = /{ $command }: <{ $option }> debe ser { $expected }, no "{ $value }".{ $hint } Uso: { $usage }
parse-too-much = /{ $command } recibió más de lo que acepta ("{ $extra }"). Uso: { $usage }
parse-flag = /{ $command } no admite modificadores como "{ $flag }": lee palabras sin más. Uso: { $usage }
parse-quote-hint = Si "{ $words }" es todo <{ $option }>, escríbelo entre "comillas dobles".
flood-slow-down = Más despacio: son más comandos de los que respondo a la vez. Ignoraré los tuyos durante { $seconds ->
        [one] un segundo
       *[other] unos { $seconds } segundos
    } y luego volveré a responder.
chat-not-a-command = Los comandos empiezan por "/": prueba /help, /digest o /quotes <nombre>.
chat-restarting = Quotewire se está reiniciando: inténtalo de nuevo en un minuto.
chat-stale-command = /{ $command } ya no es un comando de este bot. Pide a su operador que ejecute "quotewire deploy-commands".
list-more = … y { $count } más
button-more = Más ›
more-hint-terminal = Más: escribe /more
terminal-welcome = Quotewire: { $count } fuente(s). Escribe /help para ver los comandos.
terminal-welcome-interactive = Quotewire: { $count } fuente(s). Escribe /help para ver los comandos, Ctrl-D para salir.
terminal-first-poll = La primera consulta trajo { $articles } artículo(s) nuevo(s) de { $sources } fuente(s): /digest los muestra.
admin-action-subscription = cambiar su suscripción
admin-action-sources = cambiar las fuentes de este chat
welcome-back = Gracias por volver a invitarme. El resumen diario vuelve a estar activo aquí, con sus ajustes de antes: /settings los muestra.
welcome-new = ¡Hola! Soy Quotewire: un resumen diario de las noticias, con las citas clave y quién las dijo. Un administrador puede enviar /subscribe para recibirlo aquí cada día; /help muestra los comandos.
