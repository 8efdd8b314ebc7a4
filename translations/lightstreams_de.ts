<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>PassphraseStrength</name>
    <message>
        <source>Too short: use at least %1 characters.</source>
        <translation>Zu kurz: Verwenden Sie mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <source>Weak: easy to guess for anyone who copies your wallet file. Make it longer.</source>
        <translation>Schwach: Wer Ihre Wallet-Datei kopiert, errät sie leicht. Machen Sie sie länger.</translation>
    </message>
    <message>
        <source>Fair. A few more words would make it strong.</source>
        <translation>Ausreichend. Ein paar Wörter mehr machen sie stark.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Stark.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Title %1</source>
        <translation>Titel %1</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1 (Version %2)</translation>
    </message>
    <message>
        <source>This app cannot show %1 files yet.</source>
        <translation>Diese App kann Dateien vom Typ %1 noch nicht anzeigen.</translation>
    </message>
    <message>
        <source>%1 (sample)</source>
        <translation>%1 (Leseprobe)</translation>
    </message>
    <message>
        <source>%1 (buffering)</source>
        <translation>%1 (wird gepuffert)</translation>
    </message>
    <message>
        <source>The title cannot play yet: %1</source>
        <translation>Der Titel kann noch nicht abgespielt werden: %1</translation>
    </message>
    <message>
        <source>This book opens once its download is complete.</source>
        <translation>Dieses Buch lässt sich öffnen, sobald sein Download abgeschlossen ist.</translation>
    </message>
</context>
<context>
    <name>ls::ui::BackupPhraseDialog</name>
    <message>
        <source>Back up your recovery phrase</source>
        <translation>Wiederherstellungsphrase sichern</translation>
    </message>
    <message>
        <source>Your recovery phrase restores this wallet on any computer. Make sure nobody is watching your screen.</source>
        <translation>Mit Ihrer Wiederherstellungsphrase lässt sich diese Wallet auf jedem Computer wiederherstellen. Achten Sie darauf, dass niemand auf Ihren Bildschirm schaut.</translation>
    </message>
    <message>
        <source>Show phrase</source>
        <translation>Phrase anzeigen</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>Falsche Passphrase.</translation>
    </message>
</context>
<context>
    <name>ls::ui::BuyDialog</name>
    <message>
        <source>Buy “%1”</source>
        <translation>„%1“ kaufen</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Kaufen</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Network fee (at most)</source>
        <translation>Netzwerkgebühr (höchstens)</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>Guthaben danach</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>There is no wallet in this profile.</source>
        <translation>In diesem Profil gibt es keine Wallet.</translation>
    </message>
    <message>
        <source>Checking the price, your balance and the network&apos;s fee…</source>
        <translation>Preis, Guthaben und Netzwerkgebühr werden geprüft …</translation>
    </message>
    <message>
        <source>Cannot check the chain: %1</source>
        <translation>Die Chain kann nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>This title does not exist on the chain.</source>
        <translation>Diesen Titel gibt es auf der Chain nicht.</translation>
    </message>
    <message>
        <source>The author has taken this title off sale.</source>
        <translation>Der Autor hat diesen Titel aus dem Angebot genommen.</translation>
    </message>
    <message>
        <source>This title has no content yet.</source>
        <translation>Dieser Titel hat noch keinen Inhalt.</translation>
    </message>
    <message>
        <source>Price, balance and fee proven at block %1.</source>
        <translation>Preis, Guthaben und Gebühr bei Block %1 nachgewiesen.</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Insufficient funds: the price of %1 plus up to %2 in fees is more than your balance of %3.</source>
        <translation>Guthaben reicht nicht: Der Preis von %1 plus bis zu %2 Gebühren übersteigt Ihr Guthaben von %3.</translation>
    </message>
    <message>
        <source>Type your wallet&apos;s passphrase.</source>
        <translation>Geben Sie die Passphrase Ihrer Wallet ein.</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Wird vorbereitet …</translation>
    </message>
    <message>
        <source>Checking your balance against the newest verified block…</source>
        <translation>Guthaben wird gegen den neuesten geprüften Block geprüft …</translation>
    </message>
    <message>
        <source>Unlocking your wallet and signing…</source>
        <translation>Wallet wird entsperrt und signiert …</translation>
    </message>
    <message>
        <source>Sending the purchase to the network…</source>
        <translation>Kauf wird an das Netzwerk gesendet …</translation>
    </message>
    <message>
        <source>Sent. Waiting for a verified block that makes it final…</source>
        <translation>Gesendet. Warten auf einen geprüften Block, der den Kauf endgültig macht …</translation>
    </message>
    <message>
        <source>Transaction %1</source>
        <translation>Transaktion %1</translation>
    </message>
    <message>
        <source>Wrong passphrase. Nothing was bought.</source>
        <translation>Falsche Passphrase. Es wurde nichts gekauft.</translation>
    </message>
    <message>
        <source>The purchase did not go through.</source>
        <translation>Der Kauf ist nicht durchgegangen.</translation>
    </message>
    <message>
        <source>The purchase was refused by the chain.</source>
        <translation>Die Chain hat den Kauf abgelehnt.</translation>
    </message>
    <message>
        <source>Final: the licence is in block %1. Fetching the title…</source>
        <translation>Endgültig: Die Lizenz steht in Block %1. Der Titel wird abgerufen …</translation>
    </message>
    <message>
        <source>Checking the licence on the chain…</source>
        <translation>Lizenz wird auf der Chain geprüft …</translation>
    </message>
    <message>
        <source>Looking for peers that have the title…</source>
        <translation>Suche nach Peers, die den Titel haben …</translation>
    </message>
    <message numerus="yes">
        <source>Downloading: %1 of %2 from %n peer(s)…</source>
        <translation>
            <numerusform>Download: %1 von %2 über %n Peer …</numerusform>
            <numerusform>Download: %1 von %2 über %n Peers …</numerusform>
        </translation>
    </message>
    <message>
        <source>Downloaded. Receiving the title key from its holders…</source>
        <translation>Heruntergeladen. Der Titelschlüssel wird von seinen Inhabern empfangen …</translation>
    </message>
    <message>
        <source>Bought, but the download stopped. The Library can continue it.</source>
        <translation>Gekauft, aber der Download wurde unterbrochen. Sie können ihn in der Bibliothek fortsetzen.</translation>
    </message>
    <message>
        <source>Ready: “%1” is in your library.</source>
        <translation>Fertig: „%1“ ist in Ihrer Bibliothek.</translation>
    </message>
</context>
<context>
    <name>ls::ui::ConfirmPhrasePage</name>
    <message>
        <source>Check your recovery phrase</source>
        <translation>Wiederherstellungsphrase prüfen</translation>
    </message>
    <message>
        <source>Type these three words from the phrase you wrote down.</source>
        <translation>Geben Sie diese drei Wörter aus der Phrase ein, die Sie aufgeschrieben haben.</translation>
    </message>
    <message>
        <source>Word %1</source>
        <translation>Wort %1</translation>
    </message>
    <message>
        <source>Not quite: check %1 in what you wrote down.</source>
        <translation>Nicht ganz: Prüfen Sie %1 in Ihren Notizen.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
</context>
<context>
    <name>ls::ui::DiscoverPage</name>
    <message>
        <source>Discover</source>
        <translation>Entdecken</translation>
    </message>
    <message>
        <source>Search titles, authors, subjects</source>
        <translation>Titel, Autoren, Themen durchsuchen</translation>
    </message>
    <message>
        <source>All formats</source>
        <translation>Alle Formate</translation>
    </message>
    <message>
        <source>Books (PDF)</source>
        <translation>Bücher (PDF)</translation>
    </message>
    <message>
        <source>Books (EPUB)</source>
        <translation>Bücher (EPUB)</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Any price</source>
        <translation>Jeder Preis</translation>
    </message>
    <message>
        <source>Up to %1 PHT</source>
        <translation>Bis %1 PHT</translation>
    </message>
    <message>
        <source>Best match</source>
        <translation>Relevanz</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>Neueste</translation>
    </message>
    <message>
        <source>Most sold</source>
        <translation>Meistverkauft</translation>
    </message>
    <message>
        <source>Price: low to high</source>
        <translation>Preis: aufsteigend</translation>
    </message>
    <message>
        <source>Price: high to low</source>
        <translation>Preis: absteigend</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Reading the catalog from the network…</source>
        <translation>Katalog wird aus dem Netzwerk gelesen …</translation>
    </message>
    <message>
        <source>Catching up with the newest verified block…</source>
        <translation>Abgleich mit dem neuesten geprüften Block …</translation>
    </message>
    <message>
        <source>Checking titles on the chain: %1 of %2…</source>
        <translation>Titel werden auf der Chain geprüft: %1 von %2 …</translation>
    </message>
    <message>
        <source>Fetching covers and descriptions: %1 of %2…</source>
        <translation>Cover und Beschreibungen werden abgerufen: %1 von %2 …</translation>
    </message>
    <message>
        <source>The catalog could not be refreshed: %1</source>
        <translation>Der Katalog konnte nicht aktualisiert werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n title(s) on the network, proven at block %1.</source>
        <translation>
            <numerusform>%n Titel im Netzwerk, nachgewiesen bei Block %1.</numerusform>
            <numerusform>%n Titel im Netzwerk, nachgewiesen bei Block %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n title(s) still without a description: tried again at the next refresh.</source>
        <translation>
            <numerusform>%n Titel noch ohne Beschreibung: Beim nächsten Aktualisieren wird es erneut versucht.</numerusform>
            <numerusform>%n Titel noch ohne Beschreibung: Beim nächsten Aktualisieren wird es erneut versucht.</numerusform>
        </translation>
    </message>
    <message>
        <source>All subjects</source>
        <translation>Alle Themen</translation>
    </message>
    <message>
        <source>The catalog cannot be read: %1</source>
        <translation>Der Katalog kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No titles match. Try other words or fewer filters.</source>
        <translation>Keine passenden Titel. Versuchen Sie andere Wörter oder weniger Filter.</translation>
    </message>
    <message>
        <source>No titles yet. Refresh to look for new ones.</source>
        <translation>Noch keine Titel. Aktualisieren Sie, um nach neuen zu suchen.</translation>
    </message>
    <message>
        <source>All authors</source>
        <translation>Alle Autoren</translation>
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
        <translation>Kauf</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>Veröffentlichung</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>To %1</source>
        <translation>An %1</translation>
    </message>
    <message>
        <source>Title #%1</source>
        <translation>Titel #%1</translation>
    </message>
    <message>
        <source>%1 · bought by %2</source>
        <translation>%1 · gekauft von %2</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Gebühr</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transaktion</translation>
    </message>
    <message>
        <source>Copy transaction hash</source>
        <translation>Transaktions-Hash kopieren</translation>
    </message>
    <message>
        <source>Waiting for the network…</source>
        <translation>Warten auf das Netzwerk …</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>Verlauf wird geladen …</translation>
    </message>
    <message>
        <source>Cannot prove the history: %1</source>
        <translation>Der Verlauf kann nicht nachgewiesen werden: %1</translation>
    </message>
    <message>
        <source>%1
Proven in block %2</source>
        <translation>%1
Nachgewiesen in Block %2</translation>
    </message>
    <message>
        <source>No purchases, sales, publications or transfers yet.</source>
        <translation>Noch keine Käufe, Verkäufe, Veröffentlichungen oder Überweisungen.</translation>
    </message>
    <message>
        <source>1 entry, proven.</source>
        <translation>1 Eintrag, nachgewiesen.</translation>
    </message>
    <message>
        <source>%1 entries, each proven.</source>
        <translation>%1 Einträge, jeder nachgewiesen.</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Received from %1</source>
        <translation>Von %1</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Each entry is proven by its transaction&apos;s receipt in a block the app verified. A server could leave entries out, but cannot invent or change one.</source>
        <translation>Jeder Eintrag ist durch den Beleg seiner Transaktion in einem Block nachgewiesen, den die App geprüft hat. Ein Server könnte Einträge weglassen, aber keinen erfinden oder verändern.</translation>
    </message>
</context>
<context>
    <name>ls::ui::LibraryPage</name>
    <message>
        <source>Title %1</source>
        <translation>Titel %1</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Nothing here yet. Titles you buy in Discover or publish in Studio appear here.</source>
        <translation>Hier ist noch nichts. Titel, die Sie unter „Entdecken“ kaufen oder im Studio veröffentlichen, erscheinen hier.</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Remove local copy</source>
        <translation>Lokale Kopie entfernen</translation>
    </message>
    <message>
        <source>Deletes the file on this computer. You keep the licence and can download the title again at any time.</source>
        <translation>Löscht die Datei auf diesem Computer. Sie behalten die Lizenz und können den Titel jederzeit erneut herunterladen.</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Version %1 (latest)</source>
        <translation>Version %1 (neueste)</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>The download stopped: %1</source>
        <translation>Der Download wurde unterbrochen: %1</translation>
    </message>
    <message>
        <source>Title %1 is not in your library.</source>
        <translation>Titel %1 ist nicht in Ihrer Bibliothek.</translation>
    </message>
    <message>
        <source>Opening the stream…</source>
        <translation>Stream wird geöffnet…</translation>
    </message>
    <message>
        <source>Plays while it downloads: the Player first buffers what it needs.</source>
        <translation>Spielt schon während des Downloads: Der Player puffert zuerst, was er braucht.</translation>
    </message>
</context>
<context>
    <name>ls::ui::LocalNetworkPanel</name>
    <message>
        <source>This computer&apos;s network</source>
        <translation>Netzwerk dieses Computers</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Chain data</source>
        <translation>Chain-Daten</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Node</translation>
    </message>
    <message>
        <source>Run by this app, for every profile on this computer</source>
        <translation>Von dieser App betrieben, für alle Profile auf diesem Computer</translation>
    </message>
    <message>
        <source>Run by another app on this computer; this app takes over when that one quits</source>
        <translation>Von einer anderen App auf diesem Computer betrieben; diese App übernimmt, sobald jene beendet wird</translation>
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
        <translation>Entdecken</translation>
    </message>
    <message>
        <source>Find books, music and video published on the network, verified against the chain before they are shown.</source>
        <translation>Finden Sie Bücher, Musik und Videos, die im Netzwerk veröffentlicht wurden – geprüft gegen die Chain, bevor sie angezeigt werden.</translation>
    </message>
    <message>
        <source>Browse covers and search by title, author or subject</source>
        <translation>Cover durchblättern und nach Titel, Autor oder Thema suchen</translation>
    </message>
    <message>
        <source>Filter by media type and price, sort by newest or most sold</source>
        <translation>Nach Medientyp und Preis filtern, nach Neuheit oder Verkäufen sortieren</translation>
    </message>
    <message>
        <source>Open a title page: blurb, contents, versions, sample and price</source>
        <translation>Eine Titelseite öffnen: Klappentext, Inhalt, Versionen, Leseprobe und Preis</translation>
    </message>
    <message>
        <source>Buy with PHT and follow the purchase until the title opens</source>
        <translation>Mit PHT kaufen und den Kauf verfolgen, bis sich der Titel öffnet</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Everything you own, stored encrypted on this computer. Your licences live on chain, so you can download a title again at any time.</source>
        <translation>Alles, was Ihnen gehört, verschlüsselt auf diesem Computer gespeichert. Ihre Lizenzen liegen auf der Chain, sodass Sie einen Titel jederzeit erneut herunterladen können.</translation>
    </message>
    <message>
        <source>Read books and play audio or video, even while they download</source>
        <translation>Bücher lesen und Audio oder Video abspielen, auch während des Herunterladens</translation>
    </message>
    <message>
        <source>Open the latest version or any earlier one</source>
        <translation>Die neueste oder eine frühere Version öffnen</translation>
    </message>
    <message>
        <source>Remove a local copy and keep the licence</source>
        <translation>Eine lokale Kopie entfernen und die Lizenz behalten</translation>
    </message>
    <message>
        <source>Studio</source>
        <translation>Studio</translation>
    </message>
    <message>
        <source>Publish your own work and sell it directly to readers. Payments reach your wallet at the moment of sale, even while this computer is off.</source>
        <translation>Veröffentlichen Sie Ihre eigenen Werke und verkaufen Sie sie direkt an Leser. Zahlungen erreichen Ihre Wallet im Moment des Verkaufs, auch wenn dieser Computer aus ist.</translation>
    </message>
    <message>
        <source>Publish a PDF, EPUB, audio or video file with cover, blurb and price</source>
        <translation>Eine PDF-, EPUB-, Audio- oder Videodatei mit Cover, Klappentext und Preis veröffentlichen</translation>
    </message>
    <message>
        <source>Change prices, add new versions, delist a title</source>
        <translation>Preise ändern, neue Versionen hinzufügen, einen Titel aus dem Angebot nehmen</translation>
    </message>
    <message>
        <source>Watch sales and revenue as they happen and export them as CSV</source>
        <translation>Verkäufe und Einnahmen live verfolgen und als CSV exportieren</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Wallet</translation>
    </message>
    <message>
        <source>Your PHT account. Keys never leave this computer unencrypted; balances are checked against validator-signed blocks, not taken on trust.</source>
        <translation>Ihr PHT-Konto. Schlüssel verlassen diesen Computer nie unverschlüsselt; Guthaben werden gegen von Validatoren signierte Blöcke geprüft, nicht einfach geglaubt.</translation>
    </message>
    <message>
        <source>See your balance and history of purchases, sales and transfers</source>
        <translation>Guthaben und Verlauf von Käufen, Verkäufen und Überweisungen ansehen</translation>
    </message>
    <message>
        <source>Receive with your address, send with a confirmation step</source>
        <translation>Mit Ihrer Adresse empfangen, mit einem Bestätigungsschritt senden</translation>
    </message>
    <message>
        <source>Show the backup phrase after entering your passphrase</source>
        <translation>Die Sicherungsphrase nach Eingabe Ihrer Passphrase anzeigen</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>How this computer takes part: the light node that verifies the chain, and the peers you exchange titles with.</source>
        <translation>Wie dieser Computer teilnimmt: der Light-Node, der die Chain prüft, und die Peers, mit denen Sie Titel austauschen.</translation>
    </message>
    <message>
        <source>Verified chain height, endpoints and any verification alarm</source>
        <translation>Geprüfte Chain-Höhe, Endpunkte und etwaige Prüfalarme</translation>
    </message>
    <message>
        <source>Peers and per-title seeding with rates and ratios</source>
        <translation>Peers und Seeding pro Titel mit Raten und Verhältnissen</translation>
    </message>
    <message>
        <source>Full-seeding mode and bandwidth limits</source>
        <translation>Vollständiges Seeding und Bandbreitenlimits</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Profile, data directory, language, theme and network profile.</source>
        <translation>Profil, Datenverzeichnis, Sprache, Design und Netzwerkprofil.</translation>
    </message>
    <message>
        <source>Not connected to a network</source>
        <translation>Nicht mit einem Netzwerk verbunden</translation>
    </message>
    <message>
        <source>Peers: 0</source>
        <translation>Peers: 0</translation>
    </message>
    <message>
        <source>↓ 0 B/s  ↑ 0 B/s</source>
        <translation>↓ 0 B/s  ↑ 0 B/s</translation>
    </message>
    <message>
        <source>Starting the network on this computer…</source>
        <translation>Das Netzwerk auf diesem Computer wird gestartet …</translation>
    </message>
    <message>
        <source>The network on this computer failed: %1</source>
        <translation>Das Netzwerk auf diesem Computer ist ausgefallen: %1</translation>
    </message>
    <message>
        <source>Peers: %1</source>
        <translation>Peers: %1</translation>
    </message>
    <message>
        <source>Lightstreams: sharing your titles</source>
        <translation>Lightstreams: Ihre Titel werden geteilt</translation>
    </message>
    <message>
        <source>Show Lightstreams</source>
        <translation>Lightstreams anzeigen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>ls::ui::MediaPlayerControls</name>
    <message>
        <source>Drag to move through the title</source>
        <translation>Ziehen, um im Titel zu springen</translation>
    </message>
    <message>
        <source>Full screen (F); Escape to leave it</source>
        <translation>Vollbild (F); mit Esc verlassen</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>Pause (Leertaste)</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>Abspielen (Leertaste)</translation>
    </message>
    <message>
        <source>No sound device on this computer</source>
        <translation>Kein Audiogerät an diesem Computer</translation>
    </message>
    <message>
        <source>Mute (M)</source>
        <translation>Stumm (M)</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
</context>
<context>
    <name>ls::ui::MediaPlayerView</name>
    <message>
        <source>Player</source>
        <translation>Player</translation>
    </message>
    <message>
        <source>Buffering… %p%</source>
        <translation>Puffern … %p%</translation>
    </message>
    <message>
        <source>This title cannot be played: it is not audio or video this player knows, or it is damaged.</source>
        <translation>Dieser Titel kann nicht abgespielt werden: Er ist kein Audio oder Video, das dieser Player kennt, oder er ist beschädigt.</translation>
    </message>
    <message>
        <source>Nothing is playing.</source>
        <translation>Es wird nichts abgespielt.</translation>
    </message>
    <message>
        <source>This computer has no sound device: nothing can be heard.</source>
        <translation>Dieser Computer hat kein Audiogerät: Es ist nichts zu hören.</translation>
    </message>
    <message>
        <source>Buffering: the beginning is on its way from the swarm…</source>
        <translation>Pufferung: Der Anfang kommt gerade aus dem Schwarm…</translation>
    </message>
</context>
<context>
    <name>ls::ui::MetadataForm</name>
    <message>
        <source>At most %1 bytes; this has %2.</source>
        <translation>Höchstens %1 Bytes; dieser Text hat %2.</translation>
    </message>
    <message>
        <source>Names separated by semicolons: Ann Author; Ben Writer</source>
        <translation>Namen durch Semikolon getrennt: Anna Autorin; Ben Schreiber</translation>
    </message>
    <message>
        <source>Fiction, Music, Science…</source>
        <translation>Belletristik, Musik, Wissenschaft …</translation>
    </message>
    <message>
        <source>One chapter or track per line (optional)</source>
        <translation>Ein Kapitel oder Track pro Zeile (optional)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <source>No cover</source>
        <translation>Kein Cover</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Autoren</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>Blurb</source>
        <translation>Klappentext</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>Cover</translation>
    </message>
    <message>
        <source>Choose a cover image</source>
        <translation>Coverbild auswählen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>A title is needed.</source>
        <translation>Ein Titel ist erforderlich.</translation>
    </message>
    <message>
        <source>At most %1 authors.</source>
        <translation>Höchstens %1 Autoren.</translation>
    </message>
    <message>
        <source>“%1…” is too long: at most %2 bytes per name.</source>
        <translation>„%1…“ ist zu lang: höchstens %2 Bytes pro Name.</translation>
    </message>
    <message>
        <source>At most %1 lines.</source>
        <translation>Höchstens %1 Zeilen.</translation>
    </message>
    <message>
        <source>Line %1 is too long: at most %2 bytes per line.</source>
        <translation>Zeile %1 ist zu lang: höchstens %2 Bytes pro Zeile.</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>Die Datei %1 gibt es nicht.</translation>
    </message>
    <message>
        <source>The image has %1; a cover may have at most %2 KiB.</source>
        <translation>Das Bild hat %1; ein Cover darf höchstens %2 KiB haben.</translation>
    </message>
    <message>
        <source>A cover is a PNG, JPEG or WebP image.</source>
        <translation>Ein Cover muss ein PNG-, JPEG- oder WebP-Bild sein.</translation>
    </message>
    <message>
        <source>No sample</source>
        <translation>Keine Probe</translation>
    </message>
    <message>
        <source>A short excerpt readers can try before they buy: a PDF, audio or video file of at most %1 KiB (optional).</source>
        <translation>Ein kurzer Auszug, den Leser vor dem Kauf ausprobieren können: eine PDF-, Audio- oder Videodatei mit höchstens %1 KiB (optional).</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>Probe</translation>
    </message>
    <message>
        <source>Choose a sample</source>
        <translation>Probe auswählen</translation>
    </message>
    <message>
        <source>Samples (*.pdf *.m4a *.mp3 *.mp4)</source>
        <translation>Proben (*.pdf *.m4a *.mp3 *.mp4)</translation>
    </message>
    <message>
        <source>The sample must be a PDF, audio or video file of at most %1 KiB.</source>
        <translation>Die Probe muss eine PDF-, Audio- oder Videodatei mit höchstens %1 KiB sein.</translation>
    </message>
    <message>
        <source>This one has %1.</source>
        <translation>Diese hat %1.</translation>
    </message>
</context>
<context>
    <name>ls::ui::NetworkChoicePage</name>
    <message>
        <source>Choose a network</source>
        <translation>Netzwerk wählen</translation>
    </message>
    <message>
        <source>Titles, licences and payments live on a chain. Your wallet works on the network you choose here.</source>
        <translation>Titel, Lizenzen und Zahlungen liegen auf einer Chain. Ihre Wallet arbeitet in dem Netzwerk, das Sie hier wählen.</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source>Join a network</source>
        <translation>Einem Netzwerk beitreten</translation>
    </message>
    <message>
        <source>Open the network profile file (network.json) that the network&apos;s operators give out. It names the network&apos;s first block, so the app can check everything it is told.</source>
        <translation>Öffnen Sie die Netzwerkprofil-Datei (network.json), die die Betreiber des Netzwerks herausgeben. Sie nennt den ersten Block des Netzwerks, sodass die App alles prüfen kann, was ihr mitgeteilt wird.</translation>
    </message>
    <message>
        <source>network.json</source>
        <translation>network.json</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>A network of your own that runs inside the app, with %1 in your wallet to try buying and publishing. Nobody else sees it; it is here next time you open the app.</source>
        <translation>Ein eigenes Netzwerk, das in der App läuft, mit %1 in Ihrer Wallet, um Kaufen und Veröffentlichen auszuprobieren. Niemand sonst sieht es; beim nächsten Start der App ist es wieder da.</translation>
    </message>
    <message>
        <source>Open a network profile</source>
        <translation>Netzwerkprofil öffnen</translation>
    </message>
    <message>
        <source>Network profiles (*.json);;All files (*)</source>
        <translation>Netzwerkprofile (*.json);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>ls::ui::NetworkPage</name>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Light client</source>
        <translation>Light-Client</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Every balance, price and licence the app shows is checked against a block this computer verified itself: signed by the network&apos;s validators, linked to the first block named in the network profile.</source>
        <translation>Jedes Guthaben, jeder Preis und jede Lizenz, die die App zeigt, wird gegen einen Block geprüft, den dieser Computer selbst verifiziert hat: signiert von den Validatoren des Netzwerks und verkettet mit dem ersten Block, den das Netzwerkprofil nennt.</translation>
    </message>
    <message>
        <source>Verified block</source>
        <translation>Geprüfter Block</translation>
    </message>
    <message>
        <source>Block hash</source>
        <translation>Block-Hash</translation>
    </message>
    <message>
        <source>Block time</source>
        <translation>Blockzeit</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpunkte</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>None. No endpoint has shown a block that conflicts with the verified chain.</source>
        <translation>Keine. Kein Endpunkt hat einen Block gezeigt, der der geprüften Chain widerspricht.</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Copy evidence</source>
        <translation>Beweise kopieren</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Waiting for the network…</source>
        <translation>Warten auf das Netzwerk …</translation>
    </message>
    <message>
        <source>%1 (chain id %2)</source>
        <translation>%1 (Chain-ID %2)</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Noch keiner</translation>
    </message>
    <message>
        <source>Syncing to block %1…</source>
        <translation>Synchronisiere bis Block %1 …</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisiere …</translation>
    </message>
    <message>
        <source>Opening the header store…</source>
        <translation>Header-Speicher wird geöffnet …</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>Synchronisierung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>Primär</translation>
    </message>
    <message>
        <source>Cross-check</source>
        <translation>Gegenprüfung</translation>
    </message>
    <message>
        <source>Conflicting block at height %1</source>
        <translation>Widersprüchlicher Block auf Höhe %1</translation>
    </message>
    <message>
        <source>Verified from</source>
        <translation>Geprüft von</translation>
    </message>
    <message>
        <source>Conflict from</source>
        <translation>Widerspruch von</translation>
    </message>
    <message>
        <source>Conflicting block</source>
        <translation>Widersprüchlicher Block</translation>
    </message>
    <message>
        <source>Signed both</source>
        <translation>Beide signiert</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Beweise</translation>
    </message>
    <message>
        <source>%1 + %2 bytes; Copy evidence puts both on the clipboard</source>
        <translation>%1 + %2 Bytes; „Beweise kopieren“ legt beide in die Zwischenablage</translation>
    </message>
</context>
<context>
    <name>ls::ui::OnboardingWizard</name>
    <message>
        <source>Welcome to Lightstreams</source>
        <translation>Willkommen bei Lightstreams</translation>
    </message>
    <message>
        <source>Save wallet</source>
        <translation>Wallet speichern</translation>
    </message>
    <message>
        <source>Open Lightstreams</source>
        <translation>Lightstreams öffnen</translation>
    </message>
</context>
<context>
    <name>ls::ui::PassphrasePage</name>
    <message>
        <source>Choose a passphrase</source>
        <translation>Passphrase wählen</translation>
    </message>
    <message>
        <source>Encrypting your wallet… this takes a second or two.</source>
        <translation>Ihre Wallet wird verschlüsselt … das dauert ein, zwei Sekunden.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Once more</source>
        <translation>Noch einmal</translation>
    </message>
    <message>
        <source>It encrypts the restored wallet on this computer. You type it to send PHT, buy and publish.</source>
        <translation>Sie verschlüsselt die wiederhergestellte Wallet auf diesem Computer. Sie geben sie ein, um PHT zu senden, zu kaufen und zu veröffentlichen.</translation>
    </message>
    <message>
        <source>It encrypts your wallet on this computer. You type it to send PHT, buy and publish. Forgot it? Your recovery phrase still restores the wallet.</source>
        <translation>Sie verschlüsselt Ihre Wallet auf diesem Computer. Sie geben sie ein, um PHT zu senden, zu kaufen und zu veröffentlichen. Vergessen? Ihre Wiederherstellungsphrase stellt die Wallet trotzdem wieder her.</translation>
    </message>
    <message>
        <source>The passphrases match.</source>
        <translation>Die Passphrasen stimmen überein.</translation>
    </message>
    <message>
        <source>The passphrases differ.</source>
        <translation>Die Passphrasen unterscheiden sich.</translation>
    </message>
    <message>
        <source>This recovery phrase cannot be restored. %1 Go back to correct it.</source>
        <translation>Diese Wiederherstellungsphrase lässt sich nicht wiederherstellen. %1 Gehen Sie zurück, um sie zu korrigieren.</translation>
    </message>
</context>
<context>
    <name>ls::ui::PdfBookmarksPanel</name>
    <message>
        <source>No bookmarks yet. Press Ctrl+D or the Bookmark button to mark the page you are on.</source>
        <translation>Noch keine Lesezeichen. Drücken Sie Strg+D oder die Schaltfläche „Lesezeichen“, um die aktuelle Seite zu markieren.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Seite %1</translation>
    </message>
</context>
<context>
    <name>ls::ui::PdfContentsPanel</name>
    <message>
        <source>This document has no table of contents.</source>
        <translation>Dieses Dokument hat kein Inhaltsverzeichnis.</translation>
    </message>
</context>
<context>
    <name>ls::ui::PdfReader</name>
    <message>
        <source>This title is not a PDF the reader can open, or it is damaged.</source>
        <translation>Dieser Titel ist kein PDF, das der Reader öffnen kann, oder er ist beschädigt.</translation>
    </message>
    <message>
        <source>This PDF is locked with a password, which the reader cannot open.</source>
        <translation>Dieses PDF ist mit einem Passwort gesperrt, das der Reader nicht öffnen kann.</translation>
    </message>
    <message>
        <source>This PDF has not been fully downloaded yet.</source>
        <translation>Dieses PDF ist noch nicht vollständig heruntergeladen.</translation>
    </message>
    <message>
        <source>This PDF cannot be opened.</source>
        <translation>Dieses PDF kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Reader</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>Lesezeichen</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Wird geöffnet …</translation>
    </message>
    <message>
        <source>No document is open.</source>
        <translation>Kein Dokument geöffnet.</translation>
    </message>
</context>
<context>
    <name>ls::ui::PdfReaderToolbar</name>
    <message>
        <source>Contents</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Show or hide contents, search results and bookmarks (F9)</source>
        <translation>Inhalt, Suchergebnisse und Lesezeichen ein- oder ausblenden (F9)</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Previous page (Page Up at the top of a page)</source>
        <translation>Vorige Seite (Bild auf am Anfang einer Seite)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Next page (Page Down or Space at the end of a page)</source>
        <translation>Nächste Seite (Bild ab oder Leertaste am Ende einer Seite)</translation>
    </message>
    <message>
        <source>First page</source>
        <translation>Erste Seite</translation>
    </message>
    <message>
        <source>Last page</source>
        <translation>Letzte Seite</translation>
    </message>
    <message>
        <source>Go to page</source>
        <translation>Gehe zu Seite</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Breite anpassen</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>Ganze Seite</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>Lesezeichen</translation>
    </message>
    <message>
        <source>Dark pages</source>
        <translation>Dunkle Seiten</translation>
    </message>
    <message>
        <source>Light text on dark pages, for reading in the dark</source>
        <translation>Heller Text auf dunklen Seiten, zum Lesen im Dunkeln</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Nächster Treffer</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Voriger Treffer</translation>
    </message>
    <message>
        <source>Search (%1): Enter for the next match, Shift+Enter for the previous one</source>
        <translation>Suche (%1): Eingabe für den nächsten Treffer, Umschalt+Eingabe für den vorigen</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>von %1</translation>
    </message>
</context>
<context>
    <name>ls::ui::PdfSearchPanel</name>
    <message>
        <source>Page %1</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <source>Type a word in the search field and press Enter.</source>
        <translation>Geben Sie ein Wort in das Suchfeld ein und drücken Sie die Eingabetaste.</translation>
    </message>
    <message>
        <source>Searching… %1 found so far</source>
        <translation>Suche läuft … bisher %1 gefunden</translation>
    </message>
    <message>
        <source>No matches for “%1”.</source>
        <translation>Keine Treffer für „%1“.</translation>
    </message>
    <message>
        <source>Match %1 of %2</source>
        <translation>Treffer %1 von %2</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 Treffer</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 Treffer</translation>
    </message>
</context>
<context>
    <name>ls::ui::PhrasePage</name>
    <message>
        <source>Your recovery phrase</source>
        <translation>Ihre Wiederherstellungsphrase</translation>
    </message>
    <message>
        <source>Write these words down on paper, in this order, and keep them somewhere safe. Anyone who has them owns your wallet; nobody, not even us, can recover it without them.</source>
        <translation>Schreiben Sie diese Wörter in dieser Reihenfolge auf Papier und bewahren Sie sie sicher auf. Wer sie hat, besitzt Ihre Wallet; niemand, auch wir nicht, kann sie ohne diese Wörter wiederherstellen.</translation>
    </message>
    <message>
        <source>I have written down these words in this order</source>
        <translation>Ich habe diese Wörter in dieser Reihenfolge aufgeschrieben</translation>
    </message>
</context>
<context>
    <name>ls::ui::PublishJobDialog</name>
    <message>
        <source>Add a version</source>
        <translation>Version hinzufügen</translation>
    </message>
    <message>
        <source>A new version of “%1”. Buyers of the title get it too.</source>
        <translation>Eine neue Version von „%1“. Auch bisherige Käufer des Titels erhalten sie.</translation>
    </message>
    <message>
        <source>Resume a publication</source>
        <translation>Veröffentlichung fortsetzen</translation>
    </message>
    <message>
        <source>Continue publishing “%1” (%2) from: %3.</source>
        <translation>Veröffentlichung von „%1“ (%2) fortsetzen ab: %3.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <source>What changed, like “Second edition, typos fixed”</source>
        <translation>Was sich geändert hat, etwa „Zweite Auflage, Tippfehler korrigiert“</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Choose the new version&apos;s file</source>
        <translation>Datei der neuen Version auswählen</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Publish version</source>
        <translation>Version veröffentlichen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Choose the file of the new version.</source>
        <translation>Wählen Sie die Datei der neuen Version aus.</translation>
    </message>
    <message>
        <source>The note has %1 bytes; at most %2.</source>
        <translation>Die Notiz hat %1 Bytes; erlaubt sind höchstens %2.</translation>
    </message>
    <message>
        <source>Type your wallet&apos;s passphrase.</source>
        <translation>Geben Sie die Passphrase Ihrer Wallet ein.</translation>
    </message>
    <message>
        <source>Wrong passphrase. Nothing was signed.</source>
        <translation>Falsche Passphrase. Es wurde nichts signiert.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>ls::ui::PublishProgressView</name>
    <message>
        <source>Preparing the title key and the public metadata</source>
        <translation>Vorbereitung von Titelschlüssel und öffentlichen Metadaten</translation>
    </message>
    <message>
        <source>Registering on the chain</source>
        <translation>Registrierung auf der Chain</translation>
    </message>
    <message>
        <source>Encrypting the file</source>
        <translation>Verschlüsselung der Datei</translation>
    </message>
    <message>
        <source>Hashing the encrypted file for the swarm</source>
        <translation>Hash-Berechnung der verschlüsselten Datei für den Schwarm</translation>
    </message>
    <message>
        <source>Seeding to the swarm</source>
        <translation>Seeding im Schwarm</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Startet …</translation>
    </message>
    <message>
        <source>Continuing where it stopped: %1</source>
        <translation>Fortsetzung ab der Unterbrechung: %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>Verschlüsselt</translation>
    </message>
    <message>
        <source>Transaction %1</source>
        <translation>Transaktion %1</translation>
    </message>
    <message>
        <source>The publication stopped.</source>
        <translation>Die Veröffentlichung wurde unterbrochen.</translation>
    </message>
    <message>
        <source>%1. What was done so far is kept: Resume under Unfinished publications continues from there.</source>
        <translation>%1. Der bisherige Fortschritt bleibt erhalten: „Fortsetzen“ unter „Nicht abgeschlossene Veröffentlichungen“ macht dort weiter.</translation>
    </message>
    <message>
        <source>%1. Nothing was published.</source>
        <translation>%1. Es wurde nichts veröffentlicht.</translation>
    </message>
    <message>
        <source>Published: title %1, version %2.</source>
        <translation>Veröffentlicht: Titel %1, Version %2.</translation>
    </message>
    <message>
        <source>The encrypted file is seeding; buyers can fetch it now.</source>
        <translation>Die verschlüsselte Datei wird geseedet; Käufer können sie jetzt abrufen.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>What was done so far is kept: Resume under Unfinished publications continues from there (a transaction already sent may still be included; resuming finds it).</source>
        <translation>Der bisherige Fortschritt bleibt erhalten: „Fortsetzen“ unter „Nicht abgeschlossene Veröffentlichungen“ macht dort weiter (eine bereits gesendete Transaktion kann noch in einen Block aufgenommen werden; beim Fortsetzen wird sie gefunden).</translation>
    </message>
</context>
<context>
    <name>ls::ui::PublishWizard</name>
    <message>
        <source>Publish a title</source>
        <translation>Titel veröffentlichen</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>A book (PDF, EPUB), music or a video</source>
        <translation>Ein Buch (PDF, EPUB), Musik oder ein Video</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Choose the file to publish. It is encrypted on this computer; only buyers get its key.</source>
        <translation>Wählen Sie die Datei, die Sie veröffentlichen möchten. Sie wird auf diesem Computer verschlüsselt; nur Käufer erhalten ihren Schlüssel.</translation>
    </message>
    <message>
        <source>Choose a file to publish</source>
        <translation>Datei zum Veröffentlichen auswählen</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Price in PHT, like 2.5</source>
        <translation>Preis in PHT, etwa 2.5</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>What a licence costs. You can change the price later; earlier buyers keep theirs.</source>
        <translation>Was eine Lizenz kostet. Sie können den Preis später ändern; frühere Käufer behalten ihre Lizenz.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Publishing records the title on the chain (a network fee) and starts seeding it from this computer.</source>
        <translation>Beim Veröffentlichen wird der Titel auf der Chain eingetragen (gegen eine Netzwerkgebühr), und dieser Computer beginnt mit dem Seeding.</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>Die Datei %1 gibt es nicht.</translation>
    </message>
    <message>
        <source>%1 (%2), %3</source>
        <translation>%1 (%2), %3</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <source>Choose a file to publish.</source>
        <translation>Wählen Sie eine Datei zum Veröffentlichen aus.</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Datei: %1</translation>
    </message>
    <message>
        <source>Type: %1</source>
        <translation>Typ: %1</translation>
    </message>
    <message>
        <source>Title: %1</source>
        <translation>Titel: %1</translation>
    </message>
    <message>
        <source>Authors: %1</source>
        <translation>Autoren: %1</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>keine angegeben</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Thema: %1</translation>
    </message>
    <message>
        <source>Contents: 1 entry</source>
        <translation>Inhalt: 1 Eintrag</translation>
    </message>
    <message>
        <source>Contents: %1 entries</source>
        <translation>Inhalt: %1 Einträge</translation>
    </message>
    <message>
        <source>Cover: %1</source>
        <translation>Cover: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine Angabe</translation>
    </message>
    <message>
        <source>Price: %1</source>
        <translation>Preis: %1</translation>
    </message>
    <message>
        <source>Type your wallet&apos;s passphrase.</source>
        <translation>Geben Sie die Passphrase Ihrer Wallet ein.</translation>
    </message>
    <message>
        <source>Wrong passphrase. Nothing was published.</source>
        <translation>Falsche Passphrase. Es wurde nichts veröffentlicht.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Sample: %1</source>
        <translation>Probe: %1</translation>
    </message>
</context>
<context>
    <name>ls::ui::RestorePhrasePage</name>
    <message>
        <source>Restore your wallet</source>
        <translation>Wallet wiederherstellen</translation>
    </message>
    <message>
        <source>Type your recovery phrase, the words in order, separated by spaces.</source>
        <translation>Geben Sie Ihre Wiederherstellungsphrase ein: die Wörter in ihrer Reihenfolge, durch Leerzeichen getrennt.</translation>
    </message>
    <message>
        <source>word1 word2 word3 …</source>
        <translation>wort1 wort2 wort3 …</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s).</source>
        <translation>
            <numerusform>%n Wort.</numerusform>
            <numerusform>%n Wörter.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s): a recovery phrase has 12, 15, 18, 21 or 24.</source>
        <translation>
            <numerusform>%n Wort: Eine Wiederherstellungsphrase hat 12, 15, 18, 21 oder 24.</numerusform>
            <numerusform>%n Wörter: Eine Wiederherstellungsphrase hat 12, 15, 18, 21 oder 24.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ls::ui::SalesChart</name>
    <message>
        <source>No sales yet.</source>
        <translation>Noch keine Verkäufe.</translation>
    </message>
    <message>
        <source>Best day: %1</source>
        <translation>Bester Tag: %1</translation>
    </message>
</context>
<context>
    <name>ls::ui::SalesSummaryView</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Verkäufe</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Einnahmen</translation>
    </message>
    <message>
        <source>Revenue is what buyers paid, before the network&apos;s service fee. Each sale in the chart is proven by its transaction&apos;s receipt; a server could leave sales out, but cannot invent or change one.</source>
        <translation>Einnahmen sind, was Käufer bezahlt haben, vor Abzug der Servicegebühr des Netzwerks. Jeder Verkauf im Diagramm ist durch den Beleg seiner Transaktion nachgewiesen; ein Server könnte Verkäufe weglassen, aber keinen erfinden oder verändern.</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren …</translation>
    </message>
    <message>
        <source>Reading the sales…</source>
        <translation>Verkäufe werden gelesen …</translation>
    </message>
    <message>
        <source>Cannot prove the sales: %1</source>
        <translation>Die Verkäufe können nicht nachgewiesen werden: %1</translation>
    </message>
    <message>
        <source>No sales yet.</source>
        <translation>Noch keine Verkäufe.</translation>
    </message>
    <message>
        <source>Sales per day: %1 proven sales.</source>
        <translation>Verkäufe pro Tag: %1 nachgewiesene Verkäufe.</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>1 sale</source>
        <translation>1 Verkauf</translation>
    </message>
    <message>
        <source>%1 sales</source>
        <translation>%1 Verkäufe</translation>
    </message>
    <message>
        <source>Total: %1, %2</source>
        <translation>Gesamt: %1, %2</translation>
    </message>
    <message>
        <source> (some titles not read from the chain yet)</source>
        <translation> (einige Titel noch nicht von der Chain gelesen)</translation>
    </message>
    <message>
        <source>Export sales as CSV</source>
        <translation>Verkäufe als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>In %1 gespeichert.</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>ls::ui::SendDialog</name>
    <message>
        <source>Send PHT</source>
        <translation>PHT senden</translation>
    </message>
    <message>
        <source>Amount in PHT, like 12.5</source>
        <translation>Betrag in PHT, etwa 12.5</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Network fee (at most)</source>
        <translation>Netzwerkgebühr (höchstens)</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>Guthaben danach</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Please check: a transfer cannot be undone.</source>
        <translation>Bitte prüfen: Eine Überweisung lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>An address is 0x followed by 40 hexadecimal digits.</source>
        <translation>Eine Adresse besteht aus 0x und 40 Hexadezimalziffern.</translation>
    </message>
    <message>
        <source>Checking your balance and the network&apos;s fee…</source>
        <translation>Guthaben und Netzwerkgebühr werden geprüft …</translation>
    </message>
    <message>
        <source>This address is not valid: %1.</source>
        <translation>Diese Adresse ist ungültig: %1.</translation>
    </message>
    <message>
        <source>Cannot check the chain: %1</source>
        <translation>Die Chain kann nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>Insufficient funds: sending %1 plus up to %2 in fees needs more than your balance of %3.</source>
        <translation>Guthaben reicht nicht: %1 plus bis zu %2 Gebühren zu senden braucht mehr als Ihr Guthaben von %3.</translation>
    </message>
    <message>
        <source>Balance and fee proven at block %1.</source>
        <translation>Guthaben und Gebühr bei Block %1 nachgewiesen.</translation>
    </message>
    <message>
        <source>Type your wallet&apos;s passphrase.</source>
        <translation>Geben Sie die Passphrase Ihrer Wallet ein.</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Wird vorbereitet …</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Checking your balance against the newest verified block…</source>
        <translation>Guthaben wird gegen den neuesten geprüften Block geprüft …</translation>
    </message>
    <message>
        <source>Unlocking your wallet and signing…</source>
        <translation>Wallet wird entsperrt und signiert …</translation>
    </message>
    <message>
        <source>Sending the transaction to the network…</source>
        <translation>Transaktion wird an das Netzwerk gesendet …</translation>
    </message>
    <message>
        <source>Waiting for a verified block that includes it…</source>
        <translation>Warten auf einen geprüften Block, der sie enthält …</translation>
    </message>
    <message>
        <source>Transaction %1</source>
        <translation>Transaktion %1</translation>
    </message>
    <message>
        <source>Wrong passphrase. Nothing was sent.</source>
        <translation>Falsche Passphrase. Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>The transfer did not go through.</source>
        <translation>Die Überweisung ist nicht durchgegangen.</translation>
    </message>
    <message>
        <source>The transfer was refused by the chain.</source>
        <translation>Die Chain hat die Überweisung abgelehnt.</translation>
    </message>
    <message>
        <source>Sent %1 to %2.</source>
        <translation>%1 an %2 gesendet.</translation>
    </message>
    <message>
        <source>Included in block %1, verified by this computer. Transaction %2.</source>
        <translation>In Block %1 aufgenommen, von diesem Computer geprüft. Transaktion %2.</translation>
    </message>
</context>
<context>
    <name>ls::ui::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Jetzt neu starten</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>Data directory:</source>
        <translation>Datenverzeichnis:</translation>
    </message>
    <message>
        <source>Each profile has its own wallet, library and settings. To use another one, start Lightstreams with --profile NAME (and --datadir DIR to keep profiles elsewhere).</source>
        <translation>Jedes Profil hat eigene Wallet, Bibliothek und Einstellungen. Um ein anderes zu verwenden, starten Sie Lightstreams mit --profile NAME (und --datadir DIR, um Profile woanders abzulegen).</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>As the system (%1)</source>
        <translation>Wie das System (%1)</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Design:</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>In use:</source>
        <translation>In Verwendung:</translation>
    </message>
    <message>
        <source>Join a network…</source>
        <translation>Einem Netzwerk beitreten …</translation>
    </message>
    <message>
        <source>Joining a network needs its network profile (network.json) from whoever runs it. This profile&apos;s wallet and library stay as they are.</source>
        <translation>Zum Beitreten brauchen Sie das Netzwerkprofil (network.json) von den Betreibern des Netzwerks. Wallet und Bibliothek dieses Profils bleiben, wie sie sind.</translation>
    </message>
    <message>
        <source>This computer (a network of your own, run by this app)</source>
        <translation>Dieser Computer (ein eigenes Netzwerk, von dieser App betrieben)</translation>
    </message>
    <message>
        <source>Lightstreams speaks the system&apos;s language after a restart.</source>
        <translation>Nach einem Neustart verwendet Lightstreams die Sprache des Systems.</translation>
    </message>
    <message>
        <source>Lightstreams speaks %1 after a restart.</source>
        <translation>Nach einem Neustart spricht Lightstreams %1.</translation>
    </message>
    <message>
        <source>Open a network profile</source>
        <translation>Netzwerkprofil öffnen</translation>
    </message>
    <message>
        <source>Network profiles (*.json);;All files (*)</source>
        <translation>Netzwerkprofile (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>This network cannot be joined: %1</source>
        <translation>Diesem Netzwerk kann nicht beigetreten werden: %1</translation>
    </message>
    <message>
        <source>%1 (from the next start; until then: %2)</source>
        <translation>%1 (ab dem nächsten Start; bis dahin: %2)</translation>
    </message>
    <message>
        <source>Lightstreams uses the network “%1” after a restart.</source>
        <translation>Nach einem Neustart verwendet Lightstreams das Netzwerk „%1“.</translation>
    </message>
    <message>
        <source>The settings cannot be saved to %1.</source>
        <translation>Die Einstellungen können nicht in %1 gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>ls::ui::SharingPanel</name>
    <message>
        <source>Unlimited</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>Teilen</translation>
    </message>
    <message>
        <source>Unlock your library to share your titles.</source>
        <translation>Entsperren Sie Ihre Bibliothek, um Ihre Titel zu teilen.</translation>
    </message>
    <message>
        <source>Full seeding: share every title for as long as the app runs, also from the tray when the window is closed</source>
        <translation>Vollständiges Seeding: alle Titel teilen, solange die App läuft, auch aus dem Infobereich, wenn das Fenster geschlossen ist</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Upload</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>Verhältnis</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>Peers</translation>
    </message>
    <message>
        <source>Upload limit</source>
        <translation>Upload-Limit</translation>
    </message>
    <message>
        <source>Download limit</source>
        <translation>Download-Limit</translation>
    </message>
    <message numerus="yes">
        <source>%n peer connection(s), %1 · listening on port %2</source>
        <translation>
            <numerusform>%n Peer-Verbindung, %1 · lauscht auf Port %2</numerusform>
            <numerusform>%n Peer-Verbindungen, %1 · lauscht auf Port %2</numerusform>
        </translation>
    </message>
    <message>
        <source>details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>ls::ui::StudioPage</name>
    <message>
        <source>Publish a title…</source>
        <translation>Titel veröffentlichen …</translation>
    </message>
    <message>
        <source>Studio</source>
        <translation>Studio</translation>
    </message>
    <message>
        <source>Publishing as %1</source>
        <translation>Veröffentlichen als %1</translation>
    </message>
    <message>
        <source>Unfinished publications</source>
        <translation>Nicht abgeschlossene Veröffentlichungen</translation>
    </message>
    <message>
        <source>Resume…</source>
        <translation>Fortsetzen …</translation>
    </message>
    <message>
        <source>My titles</source>
        <translation>Meine Titel</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Verkäufe</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Listed</source>
        <translation>Im Angebot</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Einnahmen</translation>
    </message>
    <message>
        <source>Change price…</source>
        <translation>Preis ändern …</translation>
    </message>
    <message>
        <source>Add a version…</source>
        <translation>Version hinzufügen …</translation>
    </message>
    <message>
        <source>Delist…</source>
        <translation>Aus dem Angebot nehmen …</translation>
    </message>
    <message>
        <source>Cannot read your titles: %1</source>
        <translation>Ihre Titel können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot read unfinished publications: %1</source>
        <translation>Nicht abgeschlossene Veröffentlichungen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>not on the chain</source>
        <translation>nicht auf der Chain</translation>
    </message>
    <message>
        <source>Delisted</source>
        <translation>Nicht im Angebot</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>wird gelesen …</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Cannot read the chain: %1</source>
        <translation>Die Chain kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>You have not published anything yet.</source>
        <translation>Sie haben noch nichts veröffentlicht.</translation>
    </message>
    <message>
        <source>Proven at block %1 or later.</source>
        <translation>Nachgewiesen bei Block %1 oder später.</translation>
    </message>
    <message>
        <source>“%1” — stopped at: %2</source>
        <translation>„%1“ – unterbrochen bei: %2</translation>
    </message>
    <message>
        <source> (title %1)</source>
        <translation> (Titel %1)</translation>
    </message>
    <message>
        <source>List again…</source>
        <translation>Wieder anbieten …</translation>
    </message>
</context>
<context>
    <name>ls::ui::TitleDetailsPage</name>
    <message>
        <source>← All titles</source>
        <translation>← Alle Titel</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Kaufen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Product details</source>
        <translation>Produktdetails</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Title %1</source>
        <translation>Titel %1</translation>
    </message>
    <message>
        <source>Reading the title from the chain…</source>
        <translation>Titel wird von der Chain gelesen …</translation>
    </message>
    <message>
        <source>This title does not exist on the chain.</source>
        <translation>Diesen Titel gibt es auf der Chain nicht.</translation>
    </message>
    <message>
        <source>Cannot read the title from the network: %1</source>
        <translation>Der Titel kann nicht aus dem Netzwerk gelesen werden: %1</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>Published by %1</source>
        <translation>Veröffentlicht von %1</translation>
    </message>
    <message>
        <source>The description has not arrived from the network yet.</source>
        <translation>Die Beschreibung ist noch nicht aus dem Netzwerk eingetroffen.</translation>
    </message>
    <message>
        <source>Format: %1</source>
        <translation>Format: %1</translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation>Größe: %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Thema: %1</translation>
    </message>
    <message>
        <source>Published: %1</source>
        <translation>Veröffentlicht: %1</translation>
    </message>
    <message numerus="yes">
        <source>Sold: %n time(s)</source>
        <translation>
            <numerusform>Verkauft: %n-mal</numerusform>
            <numerusform>Verkauft: %n-mal</numerusform>
        </translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Datei: %1</translation>
    </message>
    <message>
        <source>Title id: %1</source>
        <translation>Titel-ID: %1</translation>
    </message>
    <message>
        <source>No table of contents.</source>
        <translation>Kein Inhaltsverzeichnis.</translation>
    </message>
    <message>
        <source>Version %1 · %2 · %3</source>
        <translation>Version %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Price, sales and versions proven at block %1.</source>
        <translation>Preis, Verkäufe und Versionen bei Block %1 nachgewiesen.</translation>
    </message>
    <message>
        <source>You published this title.</source>
        <translation>Sie haben diesen Titel veröffentlicht.</translation>
    </message>
    <message>
        <source>In your library.</source>
        <translation>In Ihrer Bibliothek.</translation>
    </message>
    <message>
        <source>In your library; download it from the Library to open it.</source>
        <translation>In Ihrer Bibliothek; laden Sie ihn in der Bibliothek herunter, um ihn zu öffnen.</translation>
    </message>
    <message>
        <source>Not for sale at the moment.</source>
        <translation>Derzeit nicht im Angebot.</translation>
    </message>
    <message>
        <source>No content yet.</source>
        <translation>Noch kein Inhalt.</translation>
    </message>
    <message>
        <source>Read sample</source>
        <translation>Leseprobe lesen</translation>
    </message>
    <message>
        <source>Play sample</source>
        <translation>Probe abspielen</translation>
    </message>
    <message>
        <source>Cannot open the sample: %1</source>
        <translation>Die Probe kann nicht geöffnet werden: %1</translation>
    </message>
</context>
<context>
    <name>ls::ui::TitleTransactionDialog</name>
    <message>
        <source>Change the price</source>
        <translation>Preis ändern</translation>
    </message>
    <message>
        <source>“%1” sells for %2 now. Buyers from now on pay the new price; earlier buyers keep what they bought.</source>
        <translation>„%1“ kostet derzeit %2. Käufer zahlen ab jetzt den neuen Preis; frühere Käufer behalten, was sie gekauft haben.</translation>
    </message>
    <message>
        <source>List again</source>
        <translation>Wieder anbieten</translation>
    </message>
    <message>
        <source>Delist</source>
        <translation>Aus dem Angebot nehmen</translation>
    </message>
    <message>
        <source>List “%1” again: it shows in Discover and can be bought.</source>
        <translation>„%1“ wieder anbieten: Der Titel erscheint unter „Entdecken“ und kann gekauft werden.</translation>
    </message>
    <message>
        <source>Delist “%1”: it no longer shows in Discover and cannot be bought. Buyers keep their copies, and you can list it again.</source>
        <translation>„%1“ aus dem Angebot nehmen: Der Titel erscheint nicht mehr unter „Entdecken“ und kann nicht gekauft werden. Käufer behalten ihre Exemplare, und Sie können ihn wieder anbieten.</translation>
    </message>
    <message>
        <source>New price in PHT</source>
        <translation>Neuer Preis in PHT</translation>
    </message>
    <message>
        <source>New price</source>
        <translation>Neuer Preis</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Change price</source>
        <translation>Preis ändern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Type your wallet&apos;s passphrase.</source>
        <translation>Geben Sie die Passphrase Ihrer Wallet ein.</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Wird vorbereitet …</translation>
    </message>
    <message>
        <source>Checking the title against the newest verified block…</source>
        <translation>Titel wird gegen den neuesten geprüften Block geprüft …</translation>
    </message>
    <message>
        <source>Unlocking your wallet and signing…</source>
        <translation>Wallet wird entsperrt und signiert …</translation>
    </message>
    <message>
        <source>Sending the transaction to the network…</source>
        <translation>Transaktion wird an das Netzwerk gesendet …</translation>
    </message>
    <message>
        <source>Waiting for a verified block that includes it…</source>
        <translation>Warten auf einen geprüften Block, der sie enthält …</translation>
    </message>
    <message>
        <source>Transaction %1</source>
        <translation>Transaktion %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Wrong passphrase. Nothing was sent.</source>
        <translation>Falsche Passphrase. Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>The chain refused the change: %1</source>
        <translation>Die Chain hat die Änderung abgelehnt: %1</translation>
    </message>
    <message>
        <source>Done: included in block %1, verified by this computer. Transaction %2.</source>
        <translation>Erledigt: in Block %1 aufgenommen, von diesem Computer geprüft. Transaktion %2.</translation>
    </message>
</context>
<context>
    <name>ls::ui::UnlockPanel</name>
    <message>
        <source>Your library is locked. Enter your wallet passphrase to read, play and share your titles.</source>
        <translation>Ihre Bibliothek ist gesperrt. Geben Sie die Passphrase Ihrer Wallet ein, um Ihre Titel zu lesen, abzuspielen und zu teilen.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>That passphrase does not open this wallet. Check it and try again.</source>
        <translation>Diese Passphrase öffnet diese Wallet nicht. Prüfen Sie sie und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The library could not be opened: %1</source>
        <translation>Die Bibliothek konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Wird entsperrt …</translation>
    </message>
</context>
<context>
    <name>ls::ui::VersionContentDevice</name>
    <message>
        <source>A title opens for reading only.</source>
        <translation>Ein Titel lässt sich nur zum Lesen öffnen.</translation>
    </message>
</context>
<context>
    <name>ls::ui::VersionOpener</name>
    <message>
        <source>The title cannot play yet: %1</source>
        <translation>Der Titel kann noch nicht abgespielt werden: %1</translation>
    </message>
</context>
<context>
    <name>ls::ui::WalletPage</name>
    <message>
        <source>Wallet</source>
        <translation>Wallet</translation>
    </message>
    <message>
        <source>Send PHT…</source>
        <translation>PHT senden …</translation>
    </message>
    <message>
        <source>Back up recovery phrase…</source>
        <translation>Wiederherstellungsphrase sichern …</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Give this address to whoever pays you. Payments show here once a block that holds them is verified.</source>
        <translation>Geben Sie diese Adresse jedem, der Sie bezahlt. Zahlungen erscheinen hier, sobald ein Block, der sie enthält, geprüft ist.</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Verifying the chain…</source>
        <translation>Die Chain wird geprüft …</translation>
    </message>
    <message>
        <source>Waiting for the network…</source>
        <translation>Warten auf das Netzwerk …</translation>
    </message>
    <message>
        <source>Checking the newest blocks…</source>
        <translation>Die neuesten Blöcke werden geprüft …</translation>
    </message>
    <message>
        <source>Cannot prove the balance: %1</source>
        <translation>Das Guthaben kann nicht nachgewiesen werden: %1</translation>
    </message>
    <message>
        <source>Proven at block %1 · %2</source>
        <translation>Nachgewiesen bei Block %1 · %2</translation>
    </message>
    <message>
        <source>Checked against block %1 (%2), signed by the network&apos;s validators.</source>
        <translation>Geprüft gegen Block %1 (%2), signiert von den Validatoren des Netzwerks.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
</context>
<context>
    <name>ls::ui::WelcomePage</name>
    <message>
        <source>Welcome to Lightstreams</source>
        <translation>Willkommen bei Lightstreams</translation>
    </message>
    <message>
        <source>Buy, read and stream books, music and video, or publish your own and get paid in PHT. First, a wallet: it holds your PHT and proves what you own.</source>
        <translation>Kaufen, lesen und streamen Sie Bücher, Musik und Videos – oder veröffentlichen Sie Ihre eigenen und lassen Sie sich in PHT bezahlen. Zuerst eine Wallet: Sie enthält Ihre PHT und beweist, was Ihnen gehört.</translation>
    </message>
    <message>
        <source>Create a new wallet</source>
        <translation>Neue Wallet erstellen</translation>
    </message>
    <message>
        <source>You get a recovery phrase of 12 words. Write it down: it is the only way back into your wallet if this computer is lost.</source>
        <translation>Sie erhalten eine Wiederherstellungsphrase aus 12 Wörtern. Schreiben Sie sie auf: Sie ist der einzige Weg zurück in Ihre Wallet, falls dieser Computer verloren geht.</translation>
    </message>
    <message>
        <source>Restore a wallet from its recovery phrase</source>
        <translation>Wallet aus ihrer Wiederherstellungsphrase wiederherstellen</translation>
    </message>
    <message>
        <source>Use the words you wrote down when you created it (here or in another Ethereum wallet).</source>
        <translation>Verwenden Sie die Wörter, die Sie beim Erstellen aufgeschrieben haben (hier oder in einer anderen Ethereum-Wallet).</translation>
    </message>
</context>
<context>
    <name>ls::ui::librarytext</name>
    <message>
        <source>Checking your licence…</source>
        <translation>Ihre Lizenz wird geprüft …</translation>
    </message>
    <message>
        <source>Looking for peers…</source>
        <translation>Suche nach Peers …</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Wird heruntergeladen …</translation>
    </message>
    <message>
        <source>Downloading: %1%</source>
        <translation>Wird heruntergeladen: %1%</translation>
    </message>
    <message>
        <source>Asking for the title key…</source>
        <translation>Titelschlüssel wird angefordert …</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>Auf diesem Computer</translation>
    </message>
    <message>
        <source>Not downloaded</source>
        <translation>Nicht heruntergeladen</translation>
    </message>
    <message>
        <source>Partly downloaded</source>
        <translation>Teilweise heruntergeladen</translation>
    </message>
    <message>
        <source>Partly downloaded: %1%</source>
        <translation>Teilweise heruntergeladen: %1%</translation>
    </message>
    <message>
        <source>Local copy removed</source>
        <translation>Lokale Kopie entfernt</translation>
    </message>
</context>
<context>
    <name>ls::ui::pht</name>
    <message>
        <source>Enter an amount in PHT, like 12.5.</source>
        <translation>Geben Sie einen Betrag in PHT ein, etwa 12.5.</translation>
    </message>
    <message>
        <source>PHT has at most 18 decimal places.</source>
        <translation>PHT hat höchstens 18 Nachkommastellen.</translation>
    </message>
    <message>
        <source>Enter an amount above zero.</source>
        <translation>Geben Sie einen Betrag über null ein.</translation>
    </message>
</context>
<context>
    <name>ls::ui::statustext</name>
    <message>
        <source>Verified block %1</source>
        <translation>Geprüfter Block %1</translation>
    </message>
    <message>
        <source>Cannot verify the chain: %1</source>
        <translation>Die Chain kann nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>syncing to block %1</source>
        <translation>synchronisiere bis Block %1</translation>
    </message>
    <message>
        <source>syncing…</source>
        <translation>synchronisiere …</translation>
    </message>
    <message>
        <source>Verifying the chain…</source>
        <translation>Die Chain wird geprüft …</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Noch nicht geprüft</translation>
    </message>
    <message>
        <source>Agrees</source>
        <translation>Stimmt überein</translation>
    </message>
    <message>
        <source>Behind</source>
        <translation>Im Rückstand</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Nicht erreichbar</translation>
    </message>
    <message>
        <source>Faulty</source>
        <translation>Fehlerhaft</translation>
    </message>
    <message>
        <source>On a conflicting chain</source>
        <translation>Auf einer widersprüchlichen Chain</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Startet …</translation>
    </message>
    <message>
        <source>Running on %1</source>
        <translation>Läuft auf %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
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
        <translation>Wird geprüft</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Lädt herunter</translation>
    </message>
    <message>
        <source>Seeding</source>
        <translation>Seeding</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
</context>
</TS>
