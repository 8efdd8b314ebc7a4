<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>PassphraseStrength</name>
    <message>
        <source>Too short: use at least %1 characters.</source>
        <translation>Demasiado corta: use al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>Weak: easy to guess for anyone who copies your wallet file. Make it longer.</source>
        <translation>Débil: cualquiera que copie el archivo de su monedero la adivinaría fácilmente. Hágala más larga.</translation>
    </message>
    <message>
        <source>Fair. A few more words would make it strong.</source>
        <translation>Aceptable. Unas palabras más la harían fuerte.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Fuerte.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Title %1</source>
        <translation>Título %1</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1 (versión %2)</translation>
    </message>
    <message>
        <source>This app cannot show %1 files yet.</source>
        <translation>Esta aplicación todavía no puede mostrar archivos de tipo %1.</translation>
    </message>
    <message>
        <source>%1 (sample)</source>
        <translation>%1 (muestra)</translation>
    </message>
    <message>
        <source>%1 (buffering)</source>
        <translation>%1 (almacenando en búfer)</translation>
    </message>
    <message>
        <source>The title cannot play yet: %1</source>
        <translation>El título aún no se puede reproducir: %1</translation>
    </message>
    <message>
        <source>This book opens once its download is complete.</source>
        <translation>Este libro se abrirá cuando termine su descarga.</translation>
    </message>
</context>
<context>
    <name>ls::ui::BackupPhraseDialog</name>
    <message>
        <source>Back up your recovery phrase</source>
        <translation>Copia de seguridad de su frase de recuperación</translation>
    </message>
    <message>
        <source>Your recovery phrase restores this wallet on any computer. Make sure nobody is watching your screen.</source>
        <translation>Su frase de recuperación restaura este monedero en cualquier ordenador. Asegúrese de que nadie esté mirando su pantalla.</translation>
    </message>
    <message>
        <source>Show phrase</source>
        <translation>Mostrar frase</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>Contraseña incorrecta.</translation>
    </message>
</context>
<context>
    <name>ls::ui::BuyDialog</name>
    <message>
        <source>Buy “%1”</source>
        <translation>Comprar «%1»</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Comprar</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>Network fee (at most)</source>
        <translation>Comisión de red (como máximo)</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>Saldo después</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>There is no wallet in this profile.</source>
        <translation>No hay ningún monedero en este perfil.</translation>
    </message>
    <message>
        <source>Checking the price, your balance and the network&apos;s fee…</source>
        <translation>Comprobando el precio, su saldo y la comisión de la red…</translation>
    </message>
    <message>
        <source>Cannot check the chain: %1</source>
        <translation>No se puede comprobar la cadena: %1</translation>
    </message>
    <message>
        <source>This title does not exist on the chain.</source>
        <translation>Este título no existe en la cadena.</translation>
    </message>
    <message>
        <source>The author has taken this title off sale.</source>
        <translation>El autor ha retirado este título de la venta.</translation>
    </message>
    <message>
        <source>This title has no content yet.</source>
        <translation>Este título todavía no tiene contenido.</translation>
    </message>
    <message>
        <source>Price, balance and fee proven at block %1.</source>
        <translation>Precio, saldo y comisión demostrados en el bloque %1.</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Insufficient funds: the price of %1 plus up to %2 in fees is more than your balance of %3.</source>
        <translation>Fondos insuficientes: el precio de %1 más hasta %2 de comisiones supera su saldo de %3.</translation>
    </message>
    <message>
        <source>Type your wallet&apos;s passphrase.</source>
        <translation>Escriba la contraseña de su monedero.</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Preparando…</translation>
    </message>
    <message>
        <source>Checking your balance against the newest verified block…</source>
        <translation>Comprobando su saldo con el bloque verificado más reciente…</translation>
    </message>
    <message>
        <source>Unlocking your wallet and signing…</source>
        <translation>Desbloqueando su monedero y firmando…</translation>
    </message>
    <message>
        <source>Sending the purchase to the network…</source>
        <translation>Enviando la compra a la red…</translation>
    </message>
    <message>
        <source>Sent. Waiting for a verified block that makes it final…</source>
        <translation>Enviada. Esperando un bloque verificado que la haga definitiva…</translation>
    </message>
    <message>
        <source>Transaction %1</source>
        <translation>Transacción %1</translation>
    </message>
    <message>
        <source>Wrong passphrase. Nothing was bought.</source>
        <translation>Contraseña incorrecta. No se ha comprado nada.</translation>
    </message>
    <message>
        <source>The purchase did not go through.</source>
        <translation>La compra no se ha realizado.</translation>
    </message>
    <message>
        <source>The purchase was refused by the chain.</source>
        <translation>La cadena ha rechazado la compra.</translation>
    </message>
    <message>
        <source>Final: the licence is in block %1. Fetching the title…</source>
        <translation>Definitiva: la licencia está en el bloque %1. Obteniendo el título…</translation>
    </message>
    <message>
        <source>Checking the licence on the chain…</source>
        <translation>Comprobando la licencia en la cadena…</translation>
    </message>
    <message>
        <source>Looking for peers that have the title…</source>
        <translation>Buscando pares que tengan el título…</translation>
    </message>
    <message numerus="yes">
        <source>Downloading: %1 of %2 from %n peer(s)…</source>
        <translation>
            <numerusform>Descargando: %1 de %2 desde %n par…</numerusform>
            <numerusform>Descargando: %1 de %2 desde %n pares…</numerusform>
        </translation>
    </message>
    <message>
        <source>Downloaded. Receiving the title key from its holders…</source>
        <translation>Descargado. Recibiendo la clave del título de quienes la tienen…</translation>
    </message>
    <message>
        <source>Bought, but the download stopped. The Library can continue it.</source>
        <translation>Comprado, pero la descarga se ha detenido. Puede continuarla desde la Biblioteca.</translation>
    </message>
    <message>
        <source>Ready: “%1” is in your library.</source>
        <translation>Listo: «%1» está en su biblioteca.</translation>
    </message>
</context>
<context>
    <name>ls::ui::ConfirmPhrasePage</name>
    <message>
        <source>Check your recovery phrase</source>
        <translation>Compruebe su frase de recuperación</translation>
    </message>
    <message>
        <source>Type these three words from the phrase you wrote down.</source>
        <translation>Escriba estas tres palabras de la frase que anotó.</translation>
    </message>
    <message>
        <source>Word %1</source>
        <translation>Palabra %1</translation>
    </message>
    <message>
        <source>Not quite: check %1 in what you wrote down.</source>
        <translation>No del todo: compruebe %1 en lo que anotó.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> y </translation>
    </message>
</context>
<context>
    <name>ls::ui::DiscoverPage</name>
    <message>
        <source>Discover</source>
        <translation>Descubrir</translation>
    </message>
    <message>
        <source>Search titles, authors, subjects</source>
        <translation>Buscar títulos, autores, temas</translation>
    </message>
    <message>
        <source>All formats</source>
        <translation>Todos los formatos</translation>
    </message>
    <message>
        <source>Books (PDF)</source>
        <translation>Libros (PDF)</translation>
    </message>
    <message>
        <source>Books (EPUB)</source>
        <translation>Libros (EPUB)</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Vídeo</translation>
    </message>
    <message>
        <source>Any price</source>
        <translation>Cualquier precio</translation>
    </message>
    <message>
        <source>Up to %1 PHT</source>
        <translation>Hasta %1 PHT</translation>
    </message>
    <message>
        <source>Best match</source>
        <translation>Más relevantes</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>Más recientes</translation>
    </message>
    <message>
        <source>Most sold</source>
        <translation>Más vendidos</translation>
    </message>
    <message>
        <source>Price: low to high</source>
        <translation>Precio: de menor a mayor</translation>
    </message>
    <message>
        <source>Price: high to low</source>
        <translation>Precio: de mayor a menor</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Reading the catalog from the network…</source>
        <translation>Leyendo el catálogo de la red…</translation>
    </message>
    <message>
        <source>Catching up with the newest verified block…</source>
        <translation>Poniéndose al día con el bloque verificado más reciente…</translation>
    </message>
    <message>
        <source>Checking titles on the chain: %1 of %2…</source>
        <translation>Comprobando títulos en la cadena: %1 de %2…</translation>
    </message>
    <message>
        <source>Fetching covers and descriptions: %1 of %2…</source>
        <translation>Obteniendo portadas y descripciones: %1 de %2…</translation>
    </message>
    <message>
        <source>The catalog could not be refreshed: %1</source>
        <translation>No se ha podido actualizar el catálogo: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n title(s) on the network, proven at block %1.</source>
        <translation>
            <numerusform>%n título en la red, demostrado en el bloque %1.</numerusform>
            <numerusform>%n títulos en la red, demostrados en el bloque %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n title(s) still without a description: tried again at the next refresh.</source>
        <translation>
            <numerusform>%n título aún sin descripción: se volverá a intentar en la próxima actualización.</numerusform>
            <numerusform>%n títulos aún sin descripción: se volverá a intentar en la próxima actualización.</numerusform>
        </translation>
    </message>
    <message>
        <source>All subjects</source>
        <translation>Todos los temas</translation>
    </message>
    <message>
        <source>The catalog cannot be read: %1</source>
        <translation>No se puede leer el catálogo: %1</translation>
    </message>
    <message>
        <source>No titles match. Try other words or fewer filters.</source>
        <translation>Ningún título coincide. Pruebe con otras palabras o menos filtros.</translation>
    </message>
    <message>
        <source>No titles yet. Refresh to look for new ones.</source>
        <translation>Todavía no hay títulos. Actualice para buscar otros nuevos.</translation>
    </message>
    <message>
        <source>All authors</source>
        <translation>Todos los autores</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ls::ui::HistoryView</name>
    <message>
        <source>Purchase</source>
        <translation>Compra</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Venta</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>Publicación</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>To %1</source>
        <translation>Para %1</translation>
    </message>
    <message>
        <source>Title #%1</source>
        <translation>Título n.º %1</translation>
    </message>
    <message>
        <source>%1 · bought by %2</source>
        <translation>%1 · comprado por %2</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Comisión</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transacción</translation>
    </message>
    <message>
        <source>Copy transaction hash</source>
        <translation>Copiar hash de la transacción</translation>
    </message>
    <message>
        <source>Waiting for the network…</source>
        <translation>Esperando a la red…</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>Cargando el historial…</translation>
    </message>
    <message>
        <source>Cannot prove the history: %1</source>
        <translation>No se puede demostrar el historial: %1</translation>
    </message>
    <message>
        <source>%1
Proven in block %2</source>
        <translation>%1
Demostrado en el bloque %2</translation>
    </message>
    <message>
        <source>No purchases, sales, publications or transfers yet.</source>
        <translation>Todavía no hay compras, ventas, publicaciones ni transferencias.</translation>
    </message>
    <message>
        <source>1 entry, proven.</source>
        <translation>1 entrada, demostrada.</translation>
    </message>
    <message>
        <source>%1 entries, each proven.</source>
        <translation>%1 entradas, todas demostradas.</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Received from %1</source>
        <translation>De %1</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Each entry is proven by its transaction&apos;s receipt in a block the app verified. A server could leave entries out, but cannot invent or change one.</source>
        <translation>Cada entrada está demostrada por el recibo de su transacción en un bloque que la aplicación ha verificado. Un servidor podría omitir entradas, pero no inventarlas ni modificarlas.</translation>
    </message>
</context>
<context>
    <name>ls::ui::LibraryPage</name>
    <message>
        <source>Title %1</source>
        <translation>Título %1</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <source>Nothing here yet. Titles you buy in Discover or publish in Studio appear here.</source>
        <translation>Aquí todavía no hay nada. Los títulos que compre en Descubrir o publique en Estudio aparecerán aquí.</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Descargar</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Remove local copy</source>
        <translation>Eliminar copia local</translation>
    </message>
    <message>
        <source>Deletes the file on this computer. You keep the licence and can download the title again at any time.</source>
        <translation>Elimina el archivo de este ordenador. Conserva la licencia y puede volver a descargar el título en cualquier momento.</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Version %1 (latest)</source>
        <translation>Versión %1 (la más reciente)</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versión %1</translation>
    </message>
    <message>
        <source>The download stopped: %1</source>
        <translation>La descarga se ha detenido: %1</translation>
    </message>
    <message>
        <source>Title %1 is not in your library.</source>
        <translation>El título %1 no está en su biblioteca.</translation>
    </message>
    <message>
        <source>Opening the stream…</source>
        <translation>Abriendo la transmisión…</translation>
    </message>
    <message>
        <source>Plays while it downloads: the Player first buffers what it needs.</source>
        <translation>Se reproduce mientras se descarga: el reproductor primero almacena en búfer lo que necesita.</translation>
    </message>
</context>
<context>
    <name>ls::ui::LocalNetworkPanel</name>
    <message>
        <source>This computer&apos;s network</source>
        <translation>Red de este ordenador</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>Volver a iniciar</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Chain data</source>
        <translation>Datos de la cadena</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Nodo</translation>
    </message>
    <message>
        <source>Run by this app, for every profile on this computer</source>
        <translation>Gestionado por esta aplicación, para todos los perfiles de este ordenador</translation>
    </message>
    <message>
        <source>Run by another app on this computer; this app takes over when that one quits</source>
        <translation>Gestionado por otra aplicación de este ordenador; esta aplicación tomará el relevo cuando aquella se cierre</translation>
    </message>
</context>
<context>
    <name>ls::ui::MainWindow</name>
    <message>
        <source>Lightstreams</source>
        <translation>Lightstreams</translation>
    </message>
    <message>
        <source>Discover</source>
        <translation>Descubrir</translation>
    </message>
    <message>
        <source>Find books, music and video published on the network, verified against the chain before they are shown.</source>
        <translation>Encuentre libros, música y vídeos publicados en la red, verificados con la cadena antes de mostrarse.</translation>
    </message>
    <message>
        <source>Browse covers and search by title, author or subject</source>
        <translation>Explorar portadas y buscar por título, autor o tema</translation>
    </message>
    <message>
        <source>Filter by media type and price, sort by newest or most sold</source>
        <translation>Filtrar por tipo de medio y precio, ordenar por los más nuevos o los más vendidos</translation>
    </message>
    <message>
        <source>Open a title page: blurb, contents, versions, sample and price</source>
        <translation>Abrir la página de un título: sinopsis, contenido, versiones, muestra y precio</translation>
    </message>
    <message>
        <source>Buy with PHT and follow the purchase until the title opens</source>
        <translation>Comprar con PHT y seguir la compra hasta que el título se abra</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <source>Everything you own, stored encrypted on this computer. Your licences live on chain, so you can download a title again at any time.</source>
        <translation>Todo lo que posee, guardado cifrado en este ordenador. Sus licencias están en la cadena, así que puede volver a descargar un título en cualquier momento.</translation>
    </message>
    <message>
        <source>Read books and play audio or video, even while they download</source>
        <translation>Leer libros y reproducir audio o vídeo, incluso mientras se descargan</translation>
    </message>
    <message>
        <source>Open the latest version or any earlier one</source>
        <translation>Abrir la versión más reciente o cualquier anterior</translation>
    </message>
    <message>
        <source>Remove a local copy and keep the licence</source>
        <translation>Eliminar una copia local y conservar la licencia</translation>
    </message>
    <message>
        <source>Studio</source>
        <translation>Estudio</translation>
    </message>
    <message>
        <source>Publish your own work and sell it directly to readers. Payments reach your wallet at the moment of sale, even while this computer is off.</source>
        <translation>Publique su propia obra y véndala directamente a sus lectores. Los pagos llegan a su monedero en el momento de la venta, incluso con este ordenador apagado.</translation>
    </message>
    <message>
        <source>Publish a PDF, EPUB, audio or video file with cover, blurb and price</source>
        <translation>Publicar un archivo PDF, EPUB, de audio o de vídeo con portada, sinopsis y precio</translation>
    </message>
    <message>
        <source>Change prices, add new versions, delist a title</source>
        <translation>Cambiar precios, añadir versiones nuevas, retirar un título</translation>
    </message>
    <message>
        <source>Watch sales and revenue as they happen and export them as CSV</source>
        <translation>Ver ventas e ingresos en directo y exportarlos como CSV</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Monedero</translation>
    </message>
    <message>
        <source>Your PHT account. Keys never leave this computer unencrypted; balances are checked against validator-signed blocks, not taken on trust.</source>
        <translation>Su cuenta de PHT. Las claves nunca salen de este ordenador sin cifrar; los saldos se comprueban con bloques firmados por los validadores, no se aceptan sin más.</translation>
    </message>
    <message>
        <source>See your balance and history of purchases, sales and transfers</source>
        <translation>Ver su saldo y el historial de compras, ventas y transferencias</translation>
    </message>
    <message>
        <source>Receive with your address, send with a confirmation step</source>
        <translation>Recibir con su dirección, enviar con un paso de confirmación</translation>
    </message>
    <message>
        <source>Show the backup phrase after entering your passphrase</source>
        <translation>Mostrar la frase de respaldo tras introducir su contraseña</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>How this computer takes part: the light node that verifies the chain, and the peers you exchange titles with.</source>
        <translation>Cómo participa este ordenador: el nodo ligero que verifica la cadena y los pares con los que intercambia títulos.</translation>
    </message>
    <message>
        <source>Verified chain height, endpoints and any verification alarm</source>
        <translation>Altura verificada de la cadena, puntos de acceso y cualquier alarma de verificación</translation>
    </message>
    <message>
        <source>Peers and per-title seeding with rates and ratios</source>
        <translation>Pares y siembra por título con velocidades y proporciones</translation>
    </message>
    <message>
        <source>Full-seeding mode and bandwidth limits</source>
        <translation>Modo de siembra completa y límites de ancho de banda</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Profile, data directory, language, theme and network profile.</source>
        <translation>Perfil, carpeta de datos, idioma, tema y perfil de red.</translation>
    </message>
    <message>
        <source>Not connected to a network</source>
        <translation>Sin conexión a una red</translation>
    </message>
    <message>
        <source>Peers: 0</source>
        <translation>Pares: 0</translation>
    </message>
    <message>
        <source>↓ 0 B/s  ↑ 0 B/s</source>
        <translation>↓ 0 B/s  ↑ 0 B/s</translation>
    </message>
    <message>
        <source>Starting the network on this computer…</source>
        <translation>Iniciando la red en este ordenador…</translation>
    </message>
    <message>
        <source>The network on this computer failed: %1</source>
        <translation>La red de este ordenador ha fallado: %1</translation>
    </message>
    <message>
        <source>Peers: %1</source>
        <translation>Pares: %1</translation>
    </message>
    <message>
        <source>Lightstreams: sharing your titles</source>
        <translation>Lightstreams: compartiendo sus títulos</translation>
    </message>
    <message>
        <source>Show Lightstreams</source>
        <translation>Mostrar Lightstreams</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
</context>
<context>
    <name>ls::ui::MediaPlayerControls</name>
    <message>
        <source>Drag to move through the title</source>
        <translation>Arrastre para moverse por el título</translation>
    </message>
    <message>
        <source>Full screen (F); Escape to leave it</source>
        <translation>Pantalla completa (F); Esc para salir</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>Pausa (Espacio)</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>Reproducir (Espacio)</translation>
    </message>
    <message>
        <source>No sound device on this computer</source>
        <translation>No hay dispositivo de sonido en este ordenador</translation>
    </message>
    <message>
        <source>Mute (M)</source>
        <translation>Silenciar (M)</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
</context>
<context>
    <name>ls::ui::MediaPlayerView</name>
    <message>
        <source>Player</source>
        <translation>Reproductor</translation>
    </message>
    <message>
        <source>Buffering… %p%</source>
        <translation>Cargando búfer… %p%</translation>
    </message>
    <message>
        <source>This title cannot be played: it is not audio or video this player knows, or it is damaged.</source>
        <translation>Este título no se puede reproducir: no es un audio o vídeo que este reproductor conozca, o está dañado.</translation>
    </message>
    <message>
        <source>Nothing is playing.</source>
        <translation>No se está reproduciendo nada.</translation>
    </message>
    <message>
        <source>This computer has no sound device: nothing can be heard.</source>
        <translation>Este ordenador no tiene dispositivo de sonido: no se oirá nada.</translation>
    </message>
    <message>
        <source>Buffering: the beginning is on its way from the swarm…</source>
        <translation>Almacenando en búfer: el comienzo está llegando desde el enjambre…</translation>
    </message>
</context>
<context>
    <name>ls::ui::MetadataForm</name>
    <message>
        <source>At most %1 bytes; this has %2.</source>
        <translation>Como máximo %1 bytes; este texto tiene %2.</translation>
    </message>
    <message>
        <source>Names separated by semicolons: Ann Author; Ben Writer</source>
        <translation>Nombres separados por punto y coma: Ana Autora; Benito Escritor</translation>
    </message>
    <message>
        <source>Fiction, Music, Science…</source>
        <translation>Ficción, Música, Ciencia…</translation>
    </message>
    <message>
        <source>One chapter or track per line (optional)</source>
        <translation>Un capítulo o pista por línea (opcional)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>No cover</source>
        <translation>Sin portada</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Autores</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Blurb</source>
        <translation>Sinopsis</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contenido</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>Portada</translation>
    </message>
    <message>
        <source>Choose a cover image</source>
        <translation>Elegir una imagen de portada</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>A title is needed.</source>
        <translation>Se necesita un título.</translation>
    </message>
    <message>
        <source>At most %1 authors.</source>
        <translation>Como máximo %1 autores.</translation>
    </message>
    <message>
        <source>“%1…” is too long: at most %2 bytes per name.</source>
        <translation>«%1…» es demasiado largo: como máximo %2 bytes por nombre.</translation>
    </message>
    <message>
        <source>At most %1 lines.</source>
        <translation>Como máximo %1 líneas.</translation>
    </message>
    <message>
        <source>Line %1 is too long: at most %2 bytes per line.</source>
        <translation>La línea %1 es demasiado larga: como máximo %2 bytes por línea.</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>No existe el archivo %1.</translation>
    </message>
    <message>
        <source>The image has %1; a cover may have at most %2 KiB.</source>
        <translation>La imagen ocupa %1; una portada puede ocupar como máximo %2 KiB.</translation>
    </message>
    <message>
        <source>A cover is a PNG, JPEG or WebP image.</source>
        <translation>La portada debe ser una imagen PNG, JPEG o WebP.</translation>
    </message>
    <message>
        <source>No sample</source>
        <translation>Sin muestra</translation>
    </message>
    <message>
        <source>A short excerpt readers can try before they buy: a PDF, audio or video file of at most %1 KiB (optional).</source>
        <translation>Un breve fragmento que los lectores pueden probar antes de comprar: un archivo PDF, de audio o de vídeo de %1 KiB como máximo (opcional).</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>Muestra</translation>
    </message>
    <message>
        <source>Choose a sample</source>
        <translation>Elegir una muestra</translation>
    </message>
    <message>
        <source>Samples (*.pdf *.m4a *.mp3 *.mp4)</source>
        <translation>Muestras (*.pdf *.m4a *.mp3 *.mp4)</translation>
    </message>
    <message>
        <source>The sample must be a PDF, audio or video file of at most %1 KiB.</source>
        <translation>La muestra debe ser un archivo PDF, de audio o de vídeo de %1 KiB como máximo.</translation>
    </message>
    <message>
        <source>This one has %1.</source>
        <translation>Este tiene %1.</translation>
    </message>
</context>
<context>
    <name>ls::ui::NetworkChoicePage</name>
    <message>
        <source>Choose a network</source>
        <translation>Elija una red</translation>
    </message>
    <message>
        <source>Titles, licences and payments live on a chain. Your wallet works on the network you choose here.</source>
        <translation>Los títulos, las licencias y los pagos están en una cadena. Su monedero funciona en la red que elija aquí.</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Este ordenador</translation>
    </message>
    <message>
        <source>Join a network</source>
        <translation>Unirse a una red</translation>
    </message>
    <message>
        <source>Open the network profile file (network.json) that the network&apos;s operators give out. It names the network&apos;s first block, so the app can check everything it is told.</source>
        <translation>Abra el archivo de perfil de red (network.json) que facilitan los operadores de la red. Indica el primer bloque de la red, para que la aplicación pueda comprobar todo lo que se le dice.</translation>
    </message>
    <message>
        <source>network.json</source>
        <translation>network.json</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>A network of your own that runs inside the app, with %1 in your wallet to try buying and publishing. Nobody else sees it; it is here next time you open the app.</source>
        <translation>Una red propia que funciona dentro de la aplicación, con %1 en su monedero para probar a comprar y publicar. Nadie más la ve; seguirá ahí la próxima vez que abra la aplicación.</translation>
    </message>
    <message>
        <source>Open a network profile</source>
        <translation>Abrir un perfil de red</translation>
    </message>
    <message>
        <source>Network profiles (*.json);;All files (*)</source>
        <translation>Perfiles de red (*.json);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>ls::ui::NetworkPage</name>
    <message>
        <source>Network</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Light client</source>
        <translation>Cliente ligero</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Every balance, price and licence the app shows is checked against a block this computer verified itself: signed by the network&apos;s validators, linked to the first block named in the network profile.</source>
        <translation>Cada saldo, precio y licencia que muestra la aplicación se comprueba con un bloque que este ordenador ha verificado por sí mismo: firmado por los validadores de la red y enlazado con el primer bloque indicado en el perfil de red.</translation>
    </message>
    <message>
        <source>Verified block</source>
        <translation>Bloque verificado</translation>
    </message>
    <message>
        <source>Block hash</source>
        <translation>Hash del bloque</translation>
    </message>
    <message>
        <source>Block time</source>
        <translation>Hora del bloque</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Puntos de acceso</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarmas</translation>
    </message>
    <message>
        <source>None. No endpoint has shown a block that conflicts with the verified chain.</source>
        <translation>Ninguna. Ningún punto de acceso ha mostrado un bloque que contradiga la cadena verificada.</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>Alarma</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Copy evidence</source>
        <translation>Copiar pruebas</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Waiting for the network…</source>
        <translation>Esperando a la red…</translation>
    </message>
    <message>
        <source>%1 (chain id %2)</source>
        <translation>%1 (id. de cadena %2)</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Ninguno todavía</translation>
    </message>
    <message>
        <source>Syncing to block %1…</source>
        <translation>Sincronizando hasta el bloque %1…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Opening the header store…</source>
        <translation>Abriendo el almacén de cabeceras…</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Al día</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>La sincronización ha fallado</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Cross-check</source>
        <translation>Verificación cruzada</translation>
    </message>
    <message>
        <source>Conflicting block at height %1</source>
        <translation>Bloque en conflicto a la altura %1</translation>
    </message>
    <message>
        <source>Verified from</source>
        <translation>Verificado desde</translation>
    </message>
    <message>
        <source>Conflict from</source>
        <translation>Conflicto desde</translation>
    </message>
    <message>
        <source>Conflicting block</source>
        <translation>Bloque en conflicto</translation>
    </message>
    <message>
        <source>Signed both</source>
        <translation>Firmaron ambos</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Pruebas</translation>
    </message>
    <message>
        <source>%1 + %2 bytes; Copy evidence puts both on the clipboard</source>
        <translation>%1 + %2 bytes; «Copiar pruebas» copia ambos al portapapeles</translation>
    </message>
</context>
<context>
    <name>ls::ui::OnboardingWizard</name>
    <message>
        <source>Welcome to Lightstreams</source>
        <translation>Bienvenido a Lightstreams</translation>
    </message>
    <message>
        <source>Save wallet</source>
        <translation>Guardar monedero</translation>
    </message>
    <message>
        <source>Open Lightstreams</source>
        <translation>Abrir Lightstreams</translation>
    </message>
</context>
<context>
    <name>ls::ui::PassphrasePage</name>
    <message>
        <source>Choose a passphrase</source>
        <translation>Elija una contraseña</translation>
    </message>
    <message>
        <source>Encrypting your wallet… this takes a second or two.</source>
        <translation>Cifrando su monedero… tarda uno o dos segundos.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Once more</source>
        <translation>Otra vez</translation>
    </message>
    <message>
        <source>It encrypts the restored wallet on this computer. You type it to send PHT, buy and publish.</source>
        <translation>Cifra el monedero restaurado en este ordenador. La escribirá para enviar PHT, comprar y publicar.</translation>
    </message>
    <message>
        <source>It encrypts your wallet on this computer. You type it to send PHT, buy and publish. Forgot it? Your recovery phrase still restores the wallet.</source>
        <translation>Cifra su monedero en este ordenador. La escribirá para enviar PHT, comprar y publicar. ¿La ha olvidado? Su frase de recuperación sigue restaurando el monedero.</translation>
    </message>
    <message>
        <source>The passphrases match.</source>
        <translation>Las contraseñas coinciden.</translation>
    </message>
    <message>
        <source>The passphrases differ.</source>
        <translation>Las contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>This recovery phrase cannot be restored. %1 Go back to correct it.</source>
        <translation>Esta frase de recuperación no se puede restaurar. %1 Vuelva atrás para corregirla.</translation>
    </message>
</context>
<context>
    <name>ls::ui::PdfBookmarksPanel</name>
    <message>
        <source>No bookmarks yet. Press Ctrl+D or the Bookmark button to mark the page you are on.</source>
        <translation>Todavía no hay marcadores. Pulse Ctrl+D o el botón «Marcador» para marcar la página en la que está.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Página %1</translation>
    </message>
</context>
<context>
    <name>ls::ui::PdfContentsPanel</name>
    <message>
        <source>This document has no table of contents.</source>
        <translation>Este documento no tiene índice.</translation>
    </message>
</context>
<context>
    <name>ls::ui::PdfReader</name>
    <message>
        <source>This title is not a PDF the reader can open, or it is damaged.</source>
        <translation>Este título no es un PDF que el lector pueda abrir, o está dañado.</translation>
    </message>
    <message>
        <source>This PDF is locked with a password, which the reader cannot open.</source>
        <translation>Este PDF está protegido con una contraseña, y el lector no puede abrirlo.</translation>
    </message>
    <message>
        <source>This PDF has not been fully downloaded yet.</source>
        <translation>Este PDF todavía no se ha descargado por completo.</translation>
    </message>
    <message>
        <source>This PDF cannot be opened.</source>
        <translation>Este PDF no se puede abrir.</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Lector</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Índice</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>Marcadores</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Abriendo…</translation>
    </message>
    <message>
        <source>No document is open.</source>
        <translation>No hay ningún documento abierto.</translation>
    </message>
</context>
<context>
    <name>ls::ui::PdfReaderToolbar</name>
    <message>
        <source>Contents</source>
        <translation>Índice</translation>
    </message>
    <message>
        <source>Show or hide contents, search results and bookmarks (F9)</source>
        <translation>Mostrar u ocultar el índice, los resultados de búsqueda y los marcadores (F9)</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Previous page (Page Up at the top of a page)</source>
        <translation>Página anterior (Re Pág al principio de una página)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Next page (Page Down or Space at the end of a page)</source>
        <translation>Página siguiente (Av Pág o Espacio al final de una página)</translation>
    </message>
    <message>
        <source>First page</source>
        <translation>Primera página</translation>
    </message>
    <message>
        <source>Last page</source>
        <translation>Última página</translation>
    </message>
    <message>
        <source>Go to page</source>
        <translation>Ir a la página</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Ajustar al ancho</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>Página completa</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>Marcador</translation>
    </message>
    <message>
        <source>Dark pages</source>
        <translation>Páginas oscuras</translation>
    </message>
    <message>
        <source>Light text on dark pages, for reading in the dark</source>
        <translation>Texto claro sobre páginas oscuras, para leer a oscuras</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Siguiente coincidencia</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Coincidencia anterior</translation>
    </message>
    <message>
        <source>Search (%1): Enter for the next match, Shift+Enter for the previous one</source>
        <translation>Buscar (%1): Intro para la siguiente coincidencia, Mayús+Intro para la anterior</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>de %1</translation>
    </message>
</context>
<context>
    <name>ls::ui::PdfSearchPanel</name>
    <message>
        <source>Page %1</source>
        <translation>Página %1</translation>
    </message>
    <message>
        <source>Type a word in the search field and press Enter.</source>
        <translation>Escriba una palabra en el campo de búsqueda y pulse Intro.</translation>
    </message>
    <message>
        <source>Searching… %1 found so far</source>
        <translation>Buscando… %1 encontradas hasta ahora</translation>
    </message>
    <message>
        <source>No matches for “%1”.</source>
        <translation>No hay coincidencias para «%1».</translation>
    </message>
    <message>
        <source>Match %1 of %2</source>
        <translation>Coincidencia %1 de %2</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 coincidencia</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 coincidencias</translation>
    </message>
</context>
<context>
    <name>ls::ui::PhrasePage</name>
    <message>
        <source>Your recovery phrase</source>
        <translation>Su frase de recuperación</translation>
    </message>
    <message>
        <source>Write these words down on paper, in this order, and keep them somewhere safe. Anyone who has them owns your wallet; nobody, not even us, can recover it without them.</source>
        <translation>Anote estas palabras en papel, en este orden, y guárdelas en un lugar seguro. Quien las tenga es dueño de su monedero; nadie, ni siquiera nosotros, puede recuperarlo sin ellas.</translation>
    </message>
    <message>
        <source>I have written down these words in this order</source>
        <translation>He anotado estas palabras en este orden</translation>
    </message>
</context>
<context>
    <name>ls::ui::PublishJobDialog</name>
    <message>
        <source>Add a version</source>
        <translation>Añadir una versión</translation>
    </message>
    <message>
        <source>A new version of “%1”. Buyers of the title get it too.</source>
        <translation>Una nueva versión de «%1». Quienes ya compraron el título también la reciben.</translation>
    </message>
    <message>
        <source>Resume a publication</source>
        <translation>Reanudar una publicación</translation>
    </message>
    <message>
        <source>Continue publishing “%1” (%2) from: %3.</source>
        <translation>Continuar la publicación de «%1» (%2) desde: %3.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>What changed, like “Second edition, typos fixed”</source>
        <translation>Qué ha cambiado, por ejemplo «Segunda edición, erratas corregidas»</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Choose the new version&apos;s file</source>
        <translation>Elegir el archivo de la nueva versión</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Publish version</source>
        <translation>Publicar versión</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Choose the file of the new version.</source>
        <translation>Elija el archivo de la nueva versión.</translation>
    </message>
    <message>
        <source>The note has %1 bytes; at most %2.</source>
        <translation>La nota tiene %1 bytes; como máximo %2.</translation>
    </message>
    <message>
        <source>Type your wallet&apos;s passphrase.</source>
        <translation>Escriba la contraseña de su monedero.</translation>
    </message>
    <message>
        <source>Wrong passphrase. Nothing was signed.</source>
        <translation>Contraseña incorrecta. No se ha firmado nada.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>ls::ui::PublishProgressView</name>
    <message>
        <source>Preparing the title key and the public metadata</source>
        <translation>Preparación de la clave del título y los metadatos públicos</translation>
    </message>
    <message>
        <source>Registering on the chain</source>
        <translation>Registro en la cadena</translation>
    </message>
    <message>
        <source>Encrypting the file</source>
        <translation>Cifrado del archivo</translation>
    </message>
    <message>
        <source>Hashing the encrypted file for the swarm</source>
        <translation>Cálculo del hash del archivo cifrado para el enjambre</translation>
    </message>
    <message>
        <source>Seeding to the swarm</source>
        <translation>Siembra en el enjambre</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>Continuing where it stopped: %1</source>
        <translation>Continuando donde se detuvo: %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>Cifrado</translation>
    </message>
    <message>
        <source>Transaction %1</source>
        <translation>Transacción %1</translation>
    </message>
    <message>
        <source>The publication stopped.</source>
        <translation>La publicación se ha detenido.</translation>
    </message>
    <message>
        <source>%1. What was done so far is kept: Resume under Unfinished publications continues from there.</source>
        <translation>%1. Lo hecho hasta ahora se conserva: «Reanudar» en «Publicaciones sin terminar» continúa desde ahí.</translation>
    </message>
    <message>
        <source>%1. Nothing was published.</source>
        <translation>%1. No se ha publicado nada.</translation>
    </message>
    <message>
        <source>Published: title %1, version %2.</source>
        <translation>Publicado: título %1, versión %2.</translation>
    </message>
    <message>
        <source>The encrypted file is seeding; buyers can fetch it now.</source>
        <translation>El archivo cifrado se está sembrando; los compradores ya pueden obtenerlo.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>What was done so far is kept: Resume under Unfinished publications continues from there (a transaction already sent may still be included; resuming finds it).</source>
        <translation>Lo hecho hasta ahora se conserva: «Reanudar» en «Publicaciones sin terminar» continúa desde ahí (una transacción ya enviada aún puede incluirse en un bloque; al reanudar se encontrará).</translation>
    </message>
</context>
<context>
    <name>ls::ui::PublishWizard</name>
    <message>
        <source>Publish a title</source>
        <translation>Publicar un título</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>A book (PDF, EPUB), music or a video</source>
        <translation>Un libro (PDF, EPUB), música o un vídeo</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Choose the file to publish. It is encrypted on this computer; only buyers get its key.</source>
        <translation>Elija el archivo que desea publicar. Se cifra en este ordenador; solo los compradores reciben su clave.</translation>
    </message>
    <message>
        <source>Choose a file to publish</source>
        <translation>Elegir un archivo para publicar</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Price in PHT, like 2.5</source>
        <translation>Precio en PHT, por ejemplo 2.5</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>What a licence costs. You can change the price later; earlier buyers keep theirs.</source>
        <translation>Lo que cuesta una licencia. Puede cambiar el precio más adelante; quienes ya compraron conservan la suya.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Publishing records the title on the chain (a network fee) and starts seeding it from this computer.</source>
        <translation>Al publicar, el título se registra en la cadena (con una comisión de red) y este ordenador empieza a sembrarlo.</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>No existe el archivo %1.</translation>
    </message>
    <message>
        <source>%1 (%2), %3</source>
        <translation>%1 (%2), %3</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publicar</translation>
    </message>
    <message>
        <source>Choose a file to publish.</source>
        <translation>Elija un archivo para publicar.</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Archivo: %1</translation>
    </message>
    <message>
        <source>Type: %1</source>
        <translation>Tipo: %1</translation>
    </message>
    <message>
        <source>Title: %1</source>
        <translation>Título: %1</translation>
    </message>
    <message>
        <source>Authors: %1</source>
        <translation>Autores: %1</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>no indicados</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Tema: %1</translation>
    </message>
    <message>
        <source>Contents: 1 entry</source>
        <translation>Contenido: 1 entrada</translation>
    </message>
    <message>
        <source>Contents: %1 entries</source>
        <translation>Contenido: %1 entradas</translation>
    </message>
    <message>
        <source>Cover: %1</source>
        <translation>Portada: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>Price: %1</source>
        <translation>Precio: %1</translation>
    </message>
    <message>
        <source>Type your wallet&apos;s passphrase.</source>
        <translation>Escriba la contraseña de su monedero.</translation>
    </message>
    <message>
        <source>Wrong passphrase. Nothing was published.</source>
        <translation>Contraseña incorrecta. No se ha publicado nada.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Sample: %1</source>
        <translation>Muestra: %1</translation>
    </message>
</context>
<context>
    <name>ls::ui::RestorePhrasePage</name>
    <message>
        <source>Restore your wallet</source>
        <translation>Restaure su monedero</translation>
    </message>
    <message>
        <source>Type your recovery phrase, the words in order, separated by spaces.</source>
        <translation>Escriba su frase de recuperación: las palabras en orden, separadas por espacios.</translation>
    </message>
    <message>
        <source>word1 word2 word3 …</source>
        <translation>palabra1 palabra2 palabra3 …</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s).</source>
        <translation>
            <numerusform>%n palabra.</numerusform>
            <numerusform>%n palabras.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s): a recovery phrase has 12, 15, 18, 21 or 24.</source>
        <translation>
            <numerusform>%n palabra: una frase de recuperación tiene 12, 15, 18, 21 o 24.</numerusform>
            <numerusform>%n palabras: una frase de recuperación tiene 12, 15, 18, 21 o 24.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ls::ui::SalesChart</name>
    <message>
        <source>No sales yet.</source>
        <translation>Todavía no hay ventas.</translation>
    </message>
    <message>
        <source>Best day: %1</source>
        <translation>Mejor día: %1</translation>
    </message>
</context>
<context>
    <name>ls::ui::SalesSummaryView</name>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Ventas</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Ingresos</translation>
    </message>
    <message>
        <source>Revenue is what buyers paid, before the network&apos;s service fee. Each sale in the chart is proven by its transaction&apos;s receipt; a server could leave sales out, but cannot invent or change one.</source>
        <translation>Los ingresos son lo que pagaron los compradores, antes de la comisión de servicio de la red. Cada venta del gráfico está demostrada por el recibo de su transacción; un servidor podría omitir ventas, pero no inventarlas ni modificarlas.</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Reading the sales…</source>
        <translation>Leyendo las ventas…</translation>
    </message>
    <message>
        <source>Cannot prove the sales: %1</source>
        <translation>No se pueden demostrar las ventas: %1</translation>
    </message>
    <message>
        <source>No sales yet.</source>
        <translation>Todavía no hay ventas.</translation>
    </message>
    <message>
        <source>Sales per day: %1 proven sales.</source>
        <translation>Ventas por día: %1 ventas demostradas.</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>1 sale</source>
        <translation>1 venta</translation>
    </message>
    <message>
        <source>%1 sales</source>
        <translation>%1 ventas</translation>
    </message>
    <message>
        <source>Total: %1, %2</source>
        <translation>Total: %1, %2</translation>
    </message>
    <message>
        <source> (some titles not read from the chain yet)</source>
        <translation> (algunos títulos aún no se han leído de la cadena)</translation>
    </message>
    <message>
        <source>Export sales as CSV</source>
        <translation>Exportar ventas como CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Guardado en %1.</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>No se ha podido guardar %1: %2</translation>
    </message>
</context>
<context>
    <name>ls::ui::SendDialog</name>
    <message>
        <source>Send PHT</source>
        <translation>Enviar PHT</translation>
    </message>
    <message>
        <source>Amount in PHT, like 12.5</source>
        <translation>Importe en PHT, por ejemplo 12.5</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisar</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Network fee (at most)</source>
        <translation>Comisión de red (como máximo)</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>Saldo después</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Please check: a transfer cannot be undone.</source>
        <translation>Compruébelo: una transferencia no se puede deshacer.</translation>
    </message>
    <message>
        <source>An address is 0x followed by 40 hexadecimal digits.</source>
        <translation>Una dirección es 0x seguido de 40 dígitos hexadecimales.</translation>
    </message>
    <message>
        <source>Checking your balance and the network&apos;s fee…</source>
        <translation>Comprobando su saldo y la comisión de la red…</translation>
    </message>
    <message>
        <source>This address is not valid: %1.</source>
        <translation>Esta dirección no es válida: %1.</translation>
    </message>
    <message>
        <source>Cannot check the chain: %1</source>
        <translation>No se puede comprobar la cadena: %1</translation>
    </message>
    <message>
        <source>Insufficient funds: sending %1 plus up to %2 in fees needs more than your balance of %3.</source>
        <translation>Fondos insuficientes: enviar %1 más hasta %2 de comisiones requiere más que su saldo de %3.</translation>
    </message>
    <message>
        <source>Balance and fee proven at block %1.</source>
        <translation>Saldo y comisión demostrados en el bloque %1.</translation>
    </message>
    <message>
        <source>Type your wallet&apos;s passphrase.</source>
        <translation>Escriba la contraseña de su monedero.</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Preparando…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Checking your balance against the newest verified block…</source>
        <translation>Comprobando su saldo con el bloque verificado más reciente…</translation>
    </message>
    <message>
        <source>Unlocking your wallet and signing…</source>
        <translation>Desbloqueando su monedero y firmando…</translation>
    </message>
    <message>
        <source>Sending the transaction to the network…</source>
        <translation>Enviando la transacción a la red…</translation>
    </message>
    <message>
        <source>Waiting for a verified block that includes it…</source>
        <translation>Esperando un bloque verificado que la incluya…</translation>
    </message>
    <message>
        <source>Transaction %1</source>
        <translation>Transacción %1</translation>
    </message>
    <message>
        <source>Wrong passphrase. Nothing was sent.</source>
        <translation>Contraseña incorrecta. No se ha enviado nada.</translation>
    </message>
    <message>
        <source>The transfer did not go through.</source>
        <translation>La transferencia no se ha realizado.</translation>
    </message>
    <message>
        <source>The transfer was refused by the chain.</source>
        <translation>La cadena ha rechazado la transferencia.</translation>
    </message>
    <message>
        <source>Sent %1 to %2.</source>
        <translation>Enviado %1 a %2.</translation>
    </message>
    <message>
        <source>Included in block %1, verified by this computer. Transaction %2.</source>
        <translation>Incluida en el bloque %1, verificado por este ordenador. Transacción %2.</translation>
    </message>
</context>
<context>
    <name>ls::ui::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Reiniciar ahora</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Abrir carpeta</translation>
    </message>
    <message>
        <source>Data directory:</source>
        <translation>Carpeta de datos:</translation>
    </message>
    <message>
        <source>Each profile has its own wallet, library and settings. To use another one, start Lightstreams with --profile NAME (and --datadir DIR to keep profiles elsewhere).</source>
        <translation>Cada perfil tiene su propio monedero, biblioteca y ajustes. Para usar otro, inicie Lightstreams con --profile NOMBRE (y --datadir CARPETA para guardar los perfiles en otro lugar).</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>As the system (%1)</source>
        <translation>Como el sistema (%1)</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Como el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Tema:</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>In use:</source>
        <translation>En uso:</translation>
    </message>
    <message>
        <source>Join a network…</source>
        <translation>Unirse a una red…</translation>
    </message>
    <message>
        <source>Joining a network needs its network profile (network.json) from whoever runs it. This profile&apos;s wallet and library stay as they are.</source>
        <translation>Para unirse a una red necesita su perfil de red (network.json), que facilita quien la gestiona. El monedero y la biblioteca de este perfil se quedan como están.</translation>
    </message>
    <message>
        <source>This computer (a network of your own, run by this app)</source>
        <translation>Este ordenador (una red propia, gestionada por esta aplicación)</translation>
    </message>
    <message>
        <source>Lightstreams speaks the system&apos;s language after a restart.</source>
        <translation>Tras reiniciar, Lightstreams usará el idioma del sistema.</translation>
    </message>
    <message>
        <source>Lightstreams speaks %1 after a restart.</source>
        <translation>Tras reiniciar, Lightstreams hablará %1.</translation>
    </message>
    <message>
        <source>Open a network profile</source>
        <translation>Abrir un perfil de red</translation>
    </message>
    <message>
        <source>Network profiles (*.json);;All files (*)</source>
        <translation>Perfiles de red (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>This network cannot be joined: %1</source>
        <translation>No es posible unirse a esta red: %1</translation>
    </message>
    <message>
        <source>%1 (from the next start; until then: %2)</source>
        <translation>%1 (desde el próximo inicio; hasta entonces: %2)</translation>
    </message>
    <message>
        <source>Lightstreams uses the network “%1” after a restart.</source>
        <translation>Tras reiniciar, Lightstreams usará la red «%1».</translation>
    </message>
    <message>
        <source>The settings cannot be saved to %1.</source>
        <translation>Los ajustes no se pueden guardar en %1.</translation>
    </message>
</context>
<context>
    <name>ls::ui::SharingPanel</name>
    <message>
        <source>Unlimited</source>
        <translation>Sin límite</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>Compartir</translation>
    </message>
    <message>
        <source>Unlock your library to share your titles.</source>
        <translation>Desbloquee su biblioteca para compartir sus títulos.</translation>
    </message>
    <message>
        <source>Full seeding: share every title for as long as the app runs, also from the tray when the window is closed</source>
        <translation>Siembra completa: compartir todos los títulos mientras la aplicación esté en marcha, también desde la bandeja del sistema con la ventana cerrada</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Bajada</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Subida</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>Proporción</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>Pares</translation>
    </message>
    <message>
        <source>Upload limit</source>
        <translation>Límite de subida</translation>
    </message>
    <message>
        <source>Download limit</source>
        <translation>Límite de bajada</translation>
    </message>
    <message numerus="yes">
        <source>%n peer connection(s), %1 · listening on port %2</source>
        <translation>
            <numerusform>%n conexión con pares, %1 · escuchando en el puerto %2</numerusform>
            <numerusform>%n conexiones con pares, %1 · escuchando en el puerto %2</numerusform>
        </translation>
    </message>
    <message>
        <source>details</source>
        <translation>detalles</translation>
    </message>
</context>
<context>
    <name>ls::ui::StudioPage</name>
    <message>
        <source>Publish a title…</source>
        <translation>Publicar un título…</translation>
    </message>
    <message>
        <source>Studio</source>
        <translation>Estudio</translation>
    </message>
    <message>
        <source>Publishing as %1</source>
        <translation>Publicando como %1</translation>
    </message>
    <message>
        <source>Unfinished publications</source>
        <translation>Publicaciones sin terminar</translation>
    </message>
    <message>
        <source>Resume…</source>
        <translation>Reanudar…</translation>
    </message>
    <message>
        <source>My titles</source>
        <translation>Mis títulos</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Ventas</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>Listed</source>
        <translation>En venta</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versiones</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Ingresos</translation>
    </message>
    <message>
        <source>Change price…</source>
        <translation>Cambiar precio…</translation>
    </message>
    <message>
        <source>Add a version…</source>
        <translation>Añadir una versión…</translation>
    </message>
    <message>
        <source>Delist…</source>
        <translation>Retirar de la venta…</translation>
    </message>
    <message>
        <source>Cannot read your titles: %1</source>
        <translation>No se pueden leer sus títulos: %1</translation>
    </message>
    <message>
        <source>Cannot read unfinished publications: %1</source>
        <translation>No se pueden leer las publicaciones sin terminar: %1</translation>
    </message>
    <message>
        <source>not on the chain</source>
        <translation>no está en la cadena</translation>
    </message>
    <message>
        <source>Delisted</source>
        <translation>Retirado</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>leyendo…</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>Cannot read the chain: %1</source>
        <translation>No se puede leer la cadena: %1</translation>
    </message>
    <message>
        <source>You have not published anything yet.</source>
        <translation>Todavía no ha publicado nada.</translation>
    </message>
    <message>
        <source>Proven at block %1 or later.</source>
        <translation>Demostrado en el bloque %1 o posterior.</translation>
    </message>
    <message>
        <source>“%1” — stopped at: %2</source>
        <translation>«%1» — detenida en: %2</translation>
    </message>
    <message>
        <source> (title %1)</source>
        <translation> (título %1)</translation>
    </message>
    <message>
        <source>List again…</source>
        <translation>Volver a poner a la venta…</translation>
    </message>
</context>
<context>
    <name>ls::ui::TitleDetailsPage</name>
    <message>
        <source>← All titles</source>
        <translation>← Todos los títulos</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Comprar</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Product details</source>
        <translation>Detalles del producto</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contenido</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versiones</translation>
    </message>
    <message>
        <source>Title %1</source>
        <translation>Título %1</translation>
    </message>
    <message>
        <source>Reading the title from the chain…</source>
        <translation>Leyendo el título de la cadena…</translation>
    </message>
    <message>
        <source>This title does not exist on the chain.</source>
        <translation>Este título no existe en la cadena.</translation>
    </message>
    <message>
        <source>Cannot read the title from the network: %1</source>
        <translation>No se puede leer el título de la red: %1</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>de %1</translation>
    </message>
    <message>
        <source>Published by %1</source>
        <translation>Publicado por %1</translation>
    </message>
    <message>
        <source>The description has not arrived from the network yet.</source>
        <translation>La descripción todavía no ha llegado de la red.</translation>
    </message>
    <message>
        <source>Format: %1</source>
        <translation>Formato: %1</translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation>Tamaño: %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Tema: %1</translation>
    </message>
    <message>
        <source>Published: %1</source>
        <translation>Publicado: %1</translation>
    </message>
    <message numerus="yes">
        <source>Sold: %n time(s)</source>
        <translation>
            <numerusform>Vendido: %n vez</numerusform>
            <numerusform>Vendido: %n veces</numerusform>
        </translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Archivo: %1</translation>
    </message>
    <message>
        <source>Title id: %1</source>
        <translation>Id. del título: %1</translation>
    </message>
    <message>
        <source>No table of contents.</source>
        <translation>Sin índice.</translation>
    </message>
    <message>
        <source>Version %1 · %2 · %3</source>
        <translation>Versión %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Price, sales and versions proven at block %1.</source>
        <translation>Precio, ventas y versiones demostrados en el bloque %1.</translation>
    </message>
    <message>
        <source>You published this title.</source>
        <translation>Ha publicado este título.</translation>
    </message>
    <message>
        <source>In your library.</source>
        <translation>En su biblioteca.</translation>
    </message>
    <message>
        <source>In your library; download it from the Library to open it.</source>
        <translation>En su biblioteca; descárguelo desde la Biblioteca para abrirlo.</translation>
    </message>
    <message>
        <source>Not for sale at the moment.</source>
        <translation>No está a la venta en este momento.</translation>
    </message>
    <message>
        <source>No content yet.</source>
        <translation>Todavía sin contenido.</translation>
    </message>
    <message>
        <source>Read sample</source>
        <translation>Leer la muestra</translation>
    </message>
    <message>
        <source>Play sample</source>
        <translation>Reproducir la muestra</translation>
    </message>
    <message>
        <source>Cannot open the sample: %1</source>
        <translation>No se puede abrir la muestra: %1</translation>
    </message>
</context>
<context>
    <name>ls::ui::TitleTransactionDialog</name>
    <message>
        <source>Change the price</source>
        <translation>Cambiar el precio</translation>
    </message>
    <message>
        <source>“%1” sells for %2 now. Buyers from now on pay the new price; earlier buyers keep what they bought.</source>
        <translation>«%1» se vende ahora por %2. A partir de ahora, los compradores pagarán el nuevo precio; quienes ya compraron conservan lo que compraron.</translation>
    </message>
    <message>
        <source>List again</source>
        <translation>Volver a poner a la venta</translation>
    </message>
    <message>
        <source>Delist</source>
        <translation>Retirar de la venta</translation>
    </message>
    <message>
        <source>List “%1” again: it shows in Discover and can be bought.</source>
        <translation>Volver a poner «%1» a la venta: aparecerá en Descubrir y se podrá comprar.</translation>
    </message>
    <message>
        <source>Delist “%1”: it no longer shows in Discover and cannot be bought. Buyers keep their copies, and you can list it again.</source>
        <translation>Retirar «%1» de la venta: dejará de aparecer en Descubrir y no se podrá comprar. Los compradores conservan sus copias y puede volver a ponerlo a la venta.</translation>
    </message>
    <message>
        <source>New price in PHT</source>
        <translation>Nuevo precio en PHT</translation>
    </message>
    <message>
        <source>New price</source>
        <translation>Nuevo precio</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Change price</source>
        <translation>Cambiar precio</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Type your wallet&apos;s passphrase.</source>
        <translation>Escriba la contraseña de su monedero.</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Preparando…</translation>
    </message>
    <message>
        <source>Checking the title against the newest verified block…</source>
        <translation>Comprobando el título con el bloque verificado más reciente…</translation>
    </message>
    <message>
        <source>Unlocking your wallet and signing…</source>
        <translation>Desbloqueando su monedero y firmando…</translation>
    </message>
    <message>
        <source>Sending the transaction to the network…</source>
        <translation>Enviando la transacción a la red…</translation>
    </message>
    <message>
        <source>Waiting for a verified block that includes it…</source>
        <translation>Esperando un bloque verificado que la incluya…</translation>
    </message>
    <message>
        <source>Transaction %1</source>
        <translation>Transacción %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Wrong passphrase. Nothing was sent.</source>
        <translation>Contraseña incorrecta. No se ha enviado nada.</translation>
    </message>
    <message>
        <source>The chain refused the change: %1</source>
        <translation>La cadena ha rechazado el cambio: %1</translation>
    </message>
    <message>
        <source>Done: included in block %1, verified by this computer. Transaction %2.</source>
        <translation>Hecho: incluido en el bloque %1, verificado por este ordenador. Transacción %2.</translation>
    </message>
</context>
<context>
    <name>ls::ui::UnlockPanel</name>
    <message>
        <source>Your library is locked. Enter your wallet passphrase to read, play and share your titles.</source>
        <translation>Su biblioteca está bloqueada. Introduzca la contraseña de su monedero para leer, reproducir y compartir sus títulos.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>That passphrase does not open this wallet. Check it and try again.</source>
        <translation>Esa contraseña no abre este monedero. Compruébela e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The library could not be opened: %1</source>
        <translation>No se ha podido abrir la biblioteca: %1</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Desbloqueando…</translation>
    </message>
</context>
<context>
    <name>ls::ui::VersionContentDevice</name>
    <message>
        <source>A title opens for reading only.</source>
        <translation>Un título solo se puede abrir para lectura.</translation>
    </message>
</context>
<context>
    <name>ls::ui::VersionOpener</name>
    <message>
        <source>The title cannot play yet: %1</source>
        <translation>El título aún no se puede reproducir: %1</translation>
    </message>
</context>
<context>
    <name>ls::ui::WalletPage</name>
    <message>
        <source>Wallet</source>
        <translation>Monedero</translation>
    </message>
    <message>
        <source>Send PHT…</source>
        <translation>Enviar PHT…</translation>
    </message>
    <message>
        <source>Back up recovery phrase…</source>
        <translation>Copia de seguridad de la frase de recuperación…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Give this address to whoever pays you. Payments show here once a block that holds them is verified.</source>
        <translation>Dé esta dirección a quien le pague. Los pagos aparecen aquí en cuanto se verifica un bloque que los contiene.</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>Recibir</translation>
    </message>
    <message>
        <source>Verifying the chain…</source>
        <translation>Verificando la cadena…</translation>
    </message>
    <message>
        <source>Waiting for the network…</source>
        <translation>Esperando a la red…</translation>
    </message>
    <message>
        <source>Checking the newest blocks…</source>
        <translation>Comprobando los bloques más recientes…</translation>
    </message>
    <message>
        <source>Cannot prove the balance: %1</source>
        <translation>No se puede demostrar el saldo: %1</translation>
    </message>
    <message>
        <source>Proven at block %1 · %2</source>
        <translation>Demostrado en el bloque %1 · %2</translation>
    </message>
    <message>
        <source>Checked against block %1 (%2), signed by the network&apos;s validators.</source>
        <translation>Comprobado con el bloque %1 (%2), firmado por los validadores de la red.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
</context>
<context>
    <name>ls::ui::WelcomePage</name>
    <message>
        <source>Welcome to Lightstreams</source>
        <translation>Bienvenido a Lightstreams</translation>
    </message>
    <message>
        <source>Buy, read and stream books, music and video, or publish your own and get paid in PHT. First, a wallet: it holds your PHT and proves what you own.</source>
        <translation>Compre, lea y reproduzca libros, música y vídeo, o publique los suyos y cobre en PHT. Primero, un monedero: guarda sus PHT y demuestra lo que posee.</translation>
    </message>
    <message>
        <source>Create a new wallet</source>
        <translation>Crear un monedero nuevo</translation>
    </message>
    <message>
        <source>You get a recovery phrase of 12 words. Write it down: it is the only way back into your wallet if this computer is lost.</source>
        <translation>Recibirá una frase de recuperación de 12 palabras. Anótela: es la única forma de volver a su monedero si pierde este ordenador.</translation>
    </message>
    <message>
        <source>Restore a wallet from its recovery phrase</source>
        <translation>Restaurar un monedero a partir de su frase de recuperación</translation>
    </message>
    <message>
        <source>Use the words you wrote down when you created it (here or in another Ethereum wallet).</source>
        <translation>Use las palabras que anotó al crearlo (aquí o en otro monedero de Ethereum).</translation>
    </message>
</context>
<context>
    <name>ls::ui::librarytext</name>
    <message>
        <source>Checking your licence…</source>
        <translation>Comprobando su licencia…</translation>
    </message>
    <message>
        <source>Looking for peers…</source>
        <translation>Buscando pares…</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Descargando…</translation>
    </message>
    <message>
        <source>Downloading: %1%</source>
        <translation>Descargando: %1%</translation>
    </message>
    <message>
        <source>Asking for the title key…</source>
        <translation>Solicitando la clave del título…</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>En este ordenador</translation>
    </message>
    <message>
        <source>Not downloaded</source>
        <translation>No descargado</translation>
    </message>
    <message>
        <source>Partly downloaded</source>
        <translation>Descargado en parte</translation>
    </message>
    <message>
        <source>Partly downloaded: %1%</source>
        <translation>Descargado en parte: %1%</translation>
    </message>
    <message>
        <source>Local copy removed</source>
        <translation>Copia local eliminada</translation>
    </message>
</context>
<context>
    <name>ls::ui::pht</name>
    <message>
        <source>Enter an amount in PHT, like 12.5.</source>
        <translation>Introduzca un importe en PHT, por ejemplo 12.5.</translation>
    </message>
    <message>
        <source>PHT has at most 18 decimal places.</source>
        <translation>PHT tiene como máximo 18 decimales.</translation>
    </message>
    <message>
        <source>Enter an amount above zero.</source>
        <translation>Introduzca un importe mayor que cero.</translation>
    </message>
</context>
<context>
    <name>ls::ui::statustext</name>
    <message>
        <source>Verified block %1</source>
        <translation>Bloque verificado %1</translation>
    </message>
    <message>
        <source>Cannot verify the chain: %1</source>
        <translation>No se puede verificar la cadena: %1</translation>
    </message>
    <message>
        <source>syncing to block %1</source>
        <translation>sincronizando hasta el bloque %1</translation>
    </message>
    <message>
        <source>syncing…</source>
        <translation>sincronizando…</translation>
    </message>
    <message>
        <source>Verifying the chain…</source>
        <translation>Verificando la cadena…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando con %1…</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Sin comprobar todavía</translation>
    </message>
    <message>
        <source>Agrees</source>
        <translation>Coincide</translation>
    </message>
    <message>
        <source>Behind</source>
        <translation>Retrasado</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Inaccesible</translation>
    </message>
    <message>
        <source>Faulty</source>
        <translation>Defectuoso</translation>
    </message>
    <message>
        <source>On a conflicting chain</source>
        <translation>En una cadena en conflicto</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Detenido</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>Running on %1</source>
        <translation>En funcionamiento en %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Ha fallado: %1</translation>
    </message>
</context>
<context>
    <name>ls::ui::transfertext</name>
    <message>
        <source>%1 B/s</source>
        <translation>%1 B/s</translation>
    </message>
    <message>
        <source>%1 KB/s</source>
        <translation>%1 KB/s</translation>
    </message>
    <message>
        <source>%1 MB/s</source>
        <translation>%1 MB/s</translation>
    </message>
    <message>
        <source>↓ %1  ↑ %2</source>
        <translation>↓ %1  ↑ %2</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Comprobando</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Descargando</translation>
    </message>
    <message>
        <source>Seeding</source>
        <translation>Sembrando</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Ha fallado</translation>
    </message>
</context>
</TS>
