# Por qué no se pudo leer o añadir una fuente (/source add, /import, /sources, avisos de fallo a los
# chats).

problem-redirect-loop = { $url } redirige de vuelta a { $next }, un bucle; el sitio está mal configurado, ábrelo en un navegador para encontrar la dirección real del feed
problem-too-many-redirects = { $url } redirigió más de { $max } veces (la última a { $last }); usa directamente la dirección final o sube polling.maxRedirects en la configuración
problem-timeout = { $url } no respondió en { $seconds }; puede que el sitio vaya lento o esté caído{ $then }
problem-bad-url = "{ $text }" no es una URL válida; escríbela completa, por ejemplo https://example.com/feed.xml
problem-bad-redirect = { $url } redirige a "{ $location }", que no es una URL válida; el sitio está mal configurado
problem-too-large = { $url } { $unpacked ->
        [yes] descomprimido ocupa
       *[no] envió
    } más de { $size }; sube polling.maxBytes en la configuración si esta fuente de verdad es tan grande
problem-bad-encoding = { $broken ->
        [yes] { $url } envió un contenido { $encoding } dañado que no se pudo descomprimir; puede que el sitio esté mal configurado{ $then }
       *[no] { $url } respondió con un Content-Encoding no compatible ({ $encoding }); el sitio envía algo que Quotewire no sabe leer
    }
problem-http-status = { $url } respondió { $status }; { $advice ->
        [rate-limited] el sitio está limitando las peticiones{ $then }
        [rate-limited-wait] el sitio está limitando las peticiones y pide esperar { $seconds }{ $then }
        [gone] puede que el feed se haya mudado o eliminado; comprueba la dirección en un navegador
        [no-access] el sitio niega el acceso; comprueba la dirección, o si pide iniciar sesión
        [server] puede que el sitio esté caído{ $then }
        [redirect] el sitio redirige sin decir adónde; comprueba la dirección en un navegador
       *[other] comprueba la dirección en un navegador
    }
problem-network = { $cause ->
        [refused] no se pudo conectar con { $host } (conexión rechazada); comprueba la dirección, o si el sitio funciona
        [no-host] no se encontró { $host } (no existe ese nombre de host); revisa la dirección por si hay erratas
        [dns] no se pudo resolver { $host } (el DNS no respondió); comprueba la red{ $then }
        [dropped] { $host } cortó la conexión; puede que el sitio esté saturado{ $then }
        [connect-timeout] no se pudo conectar con { $host } a tiempo; puede que el sitio esté caído{ $then }
       *[unreachable] { $host } no es accesible desde esta máquina; comprueba la red
    }
problem-tls = { $host } presentó un certificado TLS que no se pudo verificar ({ $code }); la configuración HTTPS del sitio está rota
problem-fetch-failed = no se pudo descargar { $url } ({ $detail }){ $then }
problem-not-http = { $url } no es una dirección http ni https; Quotewire solo descarga feeds y páginas web
problem-scheme-typo = { $url } no es una dirección http ni https; ¿quisiste decir { $suggestion }?
problem-forbidden-address = rechazado: { $subject } { $via ->
        [host] se resuelve a
       *[url] apunta a
    } { $range ->
        [loopback] una dirección de loopback
        [private] una dirección privada
        [link-local] una dirección de enlace local
        [metadata] una dirección de metadatos de la nube
        [unspecified] la dirección no especificada
        [multicast] una dirección multicast
        [broadcast] la dirección de difusión
        [reserved] una dirección reservada
       *[invalid] una dirección no válida
    } ({ $address }); { $range ->
        [loopback] activa polling.allowLoopback en la configuración para permitirla
        [private] activa polling.allowPrivateAddresses en la configuración para permitirla
        [link-local] activa polling.allowPrivateAddresses en la configuración para permitirla
       *[other] Quotewire nunca descarga nada de esas direcciones
    }
problem-local-files-here = los archivos y carpetas locales solo se pueden añadir en el terminal o en el archivo de configuración; aquí, da una dirección completa, por ejemplo https://example.com/feed.xml
problem-not-file-url = "{ $location }" no es una URL de archivo; da una ruta, por ejemplo /srv/news o file:///srv/news
problem-no-file = no hay ningún archivo ni carpeta en { $path }
problem-not-url = "{ $location }" no es una URL; da una dirección completa, por ejemplo https://example.com/feed.xml
problem-path-missing = { $path } no existe; comprueba la ruta (¿se movió o se cambió de nombre el archivo?)
problem-path-unreadable = no se puede leer { $path }: { $code }
problem-file-too-large = { $path } supera polling.maxBytes ({ $max } bytes)
problem-binary-file = { $name } no es un documento de texto (contiene datos binarios: ¿una imagen, un PDF, un archivo comprimido?); Quotewire lee feeds, páginas web, Markdown y texto plano
problem-no-text = { $name } no tiene texto que leer; comprueba que es el archivo correcto
problem-not-feed-or-page = { $url } sirve { $type }, que no es ni un feed ni una página web; comprueba la URL
problem-page-links-feed = { $url } es una página web sin artículo, pero enlaza a un feed en { $feed }: añade ese en su lugar
problem-feed-huge = el feed ocupa { $mb } MB, mucho más que cualquier feed real; comprueba la dirección
problem-html-no-feed = es una página HTML, no un feed, y no enlaza a ninguno; busca la dirección del feed RSS o Atom del sitio y añade esa
problem-html-feed-link = es una página HTML, no un feed; enlaza a un feed en { $feed }{ $more ->
        [0] { "" }
       *[other] { " " }(y { $more } más)
    }: añade ese en su lugar
problem-empty-response = la respuesta está vacía; comprueba la dirección o inténtalo más tarde
problem-bad-json = el feed no es JSON válido; avisa al editor o inténtalo más tarde
problem-json-not-feed = es JSON pero no un JSON Feed (no tiene "version": "https://jsonfeed.org/version/…"); comprueba la dirección
problem-opml-not-feed = es una lista de suscripciones OPML, no un feed RSS, Atom o JSON; comprueba la dirección
problem-other-xml = es XML con raíz <{ $root }>, no un feed RSS, Atom o JSON; comprueba la dirección
problem-plain-text = es texto plano, no un feed; comprueba la dirección
problem-xml-broken = el feed no es XML bien formado (línea { $line }): { $detail }; avisa al editor o inténtalo más tarde
problem-too-deep = el feed anida elementos a más de { $max } niveles, algo que ningún feed real hace; pide al editor que lo arregle
problem-no-article = { $url }: no se encontró texto de artículo en esta página: puede que necesite JavaScript para mostrarse, esté tras un inicio de sesión o un muro de pago, o sea una lista de enlaces (una portada o una sección); añade en su lugar el feed RSS del sitio, o la dirección de un solo artículo
problem-feed-served-page = { $url } respondió con una página web en lugar de su feed (¿una página de mantenimiento o de verificación anti-bots?){ $then }
problem-page-too-complex = { $url }: { $what ->
        [size] la página tiene { $amount } millones de caracteres
        [elements] la página tiene { $amount } elementos
       *[depth] la página anida su marcado a { $amount } niveles
    }, más de lo que acepta la extracción de artículos; añade en su lugar el feed RSS del sitio
notice-unreadable = no se pudo leer

# El archivo OPML de /export (su <title>, que muestran los lectores de feeds).
export-file-title = Fuentes de Quotewire
export-file-title-chat = Fuentes de Quotewire de { $chat }

# Por qué los envíos están en pausa aquí, cuando la plataforma los rechazó (lo muestra /settings).
pause-platform-said = la plataforma rechazó publicar aquí ("{ $reason }"); { $hint }
pause-hint-subscribe-again = cuando el bot pueda volver a publicar aquí, envía /subscribe
pause-hint-cannot-see = el bot no ve el canal; dale allí el permiso «Ver canal» y vuelve a usar /subscribe
pause-hint-no-permission = al bot le faltan permisos; dale «Enviar mensajes» e «Insertar enlaces» en el canal y vuelve a usar /subscribe
pause-hint-check-access = comprueba que el bot sigue en el servidor y puede publicar en el canal

# How a passing problem ends: `then-retry` for a polled source (tried again with backoff),
# `then-try-later` for a one-off read such as adding a source, which nothing repeats.
problem-then-retry = , Quotewire lo reintentará cada vez más espaciado
problem-then-try-later = ; inténtalo de nuevo más tarde
