# El resumen: la respuesta a /digest y las palabras de un resumen entregado.

digest-title = Resumen de Quotewire del { $date }
digest-title-topic = Resumen de Quotewire del { $date } (tema: { $topic })
digest-title-topics = Resumen de Quotewire del { $date } (temas: { $topics })
digest-no-stories-topic = No hay noticias sobre "{ $topic }" en las últimas { $hours }. Prueba /digest sin tema, o /sources para ver qué se lee.
digest-no-stories = No hay noticias nuevas en las últimas { $hours }. Las fuentes se leen según su calendario; /sources muestra su estado.
digest-no-stories-filtered =
    { $count ->
        [one] La única noticia de las últimas { $hours } quedó fuera por los filtros de este chat.
       *[other] Las { $count } noticias de las últimas { $hours } quedaron fuera por los filtros de este chat.
    } /filter los muestra; /filter clear los quita.
digest-no-stories-today = Hoy no hay noticias nuevas. /sources muestra el estado de las fuentes.
digest-hours =
    { $hours ->
        [one] { $hours } hora
       *[other] { $hours } horas
    }
digest-overview =
    { $stories ->
        [one] { $stories } noticia
       *[other] { $stories } noticias
    } de { $articles ->
        [one] { $articles } artículo
       *[other] { $articles } artículos
    } en las últimas { $hours }.
digest-overview-top = Las { $shown } noticias principales de { $stories }, de { $articles } artículos en las últimas { $hours }.
digest-quote-of-the-day = Cita del día
digest-story-sources =
    { $count ->
        [1] Fuente:
       *[other] { $count } fuentes:
    }
digest-sources = Fuentes
digest-more-stories =
    { $count ->
        [one] … y { $count } noticia más.
       *[other] … y { $count } noticias más.
    }
digest-topic-gone = El tema del foro donde se publicaba el resumen diario de este chat ya no existe, así que el resumen llega aquí ahora. Un administrador puede enviar /subscribe dentro de otro tema para moverlo allí.
digest-thread-gone = El hilo donde se publicaba el resumen diario de este canal ya no existe, así que el resumen llega aquí ahora. Quien tenga Gestionar canales puede usar /subscribe dentro de otro hilo para moverlo allí.
