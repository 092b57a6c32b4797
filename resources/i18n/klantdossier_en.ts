<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">
<context>
    <name>App</name>
    <message>
        <location filename="../work/main/gui/app.py" line="118"/>
        <source>Gesprekken kunnen niet binnenkomen: %1</source>
        <translation>Calls cannot come in: %1</translation>
    </message>
    <message>
        <location filename="../work/main/gui/app.py" line="123"/>
        <source>`main.py call` en tel:-links bereiken dit venster niet. Zoeken en de kaart werken gewoon; los het op en start Klantdossier opnieuw.</source>
        <translation>`main.py call` and tel: links do not reach this window. Search and the card work as usual; fix the cause and start Klantdossier again.</translation>
    </message>
</context>
<context>
    <name>BackupSetting</name>
    <message>
        <location filename="../work/main/gui/backup_setting.py" line="43"/>
        <source>Reservekopie van vandaag gemaakt: %1</source>
        <translation>Today's backup was made: %1</translation>
    </message>
    <message>
        <location filename="../work/main/gui/backup_setting.py" line="49"/>
        <source>Reservekopie</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../work/main/gui/backup_setting.py" line="50"/>
        <source>De dagelijkse reservekopie is niet gelukt:
%1</source>
        <translation>The daily backup did not work:
%1</translation>
    </message>
    <message>
        <location filename="../work/main/gui/backup_setting.py" line="66"/>
        <location filename="../work/main/gui/backup_setting.py" line="91"/>
        <source>Dagelijkse reservekopie</source>
        <translation>Daily backup</translation>
    </message>
    <message>
        <location filename="../work/main/gui/backup_setting.py" line="69"/>
        <source>Elke dag bij het starten een kopie van het klantbestand en de scans in:
%1
De nieuwste %2 kopieën blijven bewaard.</source>
        <translation>Every day at start-up, a copy of the client file and the scans is made in:
%1
The newest %2 copies are kept.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/backup_setting.py" line="75"/>
        <source>De dagelijkse reservekopie staat uit.</source>
        <translation>The daily backup is turned off.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/backup_setting.py" line="77"/>
        <source>Map kiezen…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../work/main/gui/backup_setting.py" line="78"/>
        <source>Uitzetten</source>
        <translation>Turn off</translation>
    </message>
    <message>
        <location filename="../work/main/gui/backup_setting.py" line="86"/>
        <source>Map voor de reservekopieën</source>
        <translation>Folder for the backups</translation>
    </message>
    <message>
        <location filename="../work/main/gui/backup_setting.py" line="91"/>
        <source>Hoeveel kopieën bewaren?</source>
        <translation>How many copies to keep?</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../work/main/gui/dialogs/about.py" line="24"/>
        <source>Over Klantdossier</source>
        <translation>About Klantdossier</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/about.py" line="30"/>
        <source>&lt;h2&gt;Klantdossier %1&lt;/h2&gt;&lt;p&gt;Papieren klantmappen inlezen, doorzoeken en de beller direct op het scherm.&lt;/p&gt;&lt;p&gt;Alle gegevens blijven op deze computer.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Klantdossier %1&lt;/h2&gt;&lt;p&gt;Scan paper client folders, search them, and see who is calling.&lt;/p&gt;&lt;p&gt;All data stays on this computer.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/about.py" line="35"/>
        <source>Tesseract: wordt opgevraagd…</source>
        <translation>Tesseract: asking…</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/about.py" line="38"/>
        <source>Klantbestand: %1</source>
        <translation>Client file: %1</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/about.py" line="51"/>
        <source>Tesseract: versie %1</source>
        <translation>Tesseract: version %1</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/about.py" line="54"/>
        <source>Tesseract: niet beschikbaar — %1</source>
        <translation>Tesseract: not available — %1</translation>
    </message>
</context>
<context>
    <name>CallController</name>
    <message>
        <location filename="../work/main/gui/call/controller.py" line="324"/>
        <source>&amp;Telefoon</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <location filename="../work/main/gui/call/controller.py" line="325"/>
        <source>Gesprekkenmonitor (FRITZ!Box)…</source>
        <translation>Call monitor (FRITZ!Box)…</translation>
    </message>
    <message>
        <location filename="../work/main/gui/call/controller.py" line="131"/>
        <source>Gesprek niet opgeslagen: %1</source>
        <translation>Call not saved: %1</translation>
    </message>
    <message>
        <location filename="../work/main/gui/call/controller.py" line="205"/>
        <source>Niet opgeslagen: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location filename="../work/main/gui/call/controller.py" line="212"/>
        <source>Bellen lukt niet: geen programma voor tel:-links gevonden.</source>
        <translation>Cannot call: no program found for tel: links.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/call/controller.py" line="223"/>
        <source>Nieuwe klant</source>
        <translation>New client</translation>
    </message>
    <message>
        <location filename="../work/main/gui/call/controller.py" line="224"/>
        <source>Naam van de klant met nummer %1:</source>
        <translation>Name of the client with number %1:</translation>
    </message>
</context>
<context>
    <name>CallMonitor</name>
    <message>
        <location filename="../work/main/gui/call/fritzbox.py" line="126"/>
        <source>Gesprekkenmonitor verbonden met %1</source>
        <translation>Call monitor connected to %1</translation>
    </message>
    <message>
        <location filename="../work/main/gui/call/fritzbox.py" line="132"/>
        <source>Gesprekkenmonitor: geen verbinding met %1, opnieuw over %2 s</source>
        <translation>Call monitor: no connection to %1, trying again in %2 s</translation>
    </message>
</context>
<context>
    <name>CallerBanner</name>
    <message>
        <location filename="../work/main/gui/call/banner.py" line="232"/>
        <source>inkomend</source>
        <translation>incoming</translation>
    </message>
    <message>
        <location filename="../work/main/gui/call/banner.py" line="232"/>
        <source>uitgaand</source>
        <translation>outgoing</translation>
    </message>
    <message>
        <location filename="../work/main/gui/call/banner.py" line="80"/>
        <source>Balk sluiten</source>
        <translation>Close bar</translation>
    </message>
    <message>
        <location filename="../work/main/gui/call/banner.py" line="87"/>
        <source>Notitie bij dit gesprek (Enter slaat op)</source>
        <translation>Note for this call (Enter saves)</translation>
    </message>
    <message>
        <location filename="../work/main/gui/call/banner.py" line="106"/>
        <source>Nieuwe klant met dit nummer</source>
        <translation>New client with this number</translation>
    </message>
    <message>
        <location filename="../work/main/gui/call/banner.py" line="108"/>
        <source>Nummer toevoegen aan bestaande klant</source>
        <translation>Add number to an existing client</translation>
    </message>
    <message>
        <location filename="../work/main/gui/call/banner.py" line="129"/>
        <source>Onbekend nummer</source>
        <translation>Unknown number</translation>
    </message>
    <message>
        <location filename="../work/main/gui/call/banner.py" line="131"/>
        <source>“%1” is geen telefoonnummer</source>
        <translation>“%1” is not a phone number</translation>
    </message>
    <message>
        <location filename="../work/main/gui/call/banner.py" line="138"/>
        <source>Terugbellen: %1</source>
        <translation>Call back: %1</translation>
    </message>
    <message>
        <location filename="../work/main/gui/call/banner.py" line="141"/>
        <source>(naamloos)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location filename="../work/main/gui/call/banner.py" line="147"/>
        <source>Belt met %1</source>
        <translation>On the phone with %1</translation>
    </message>
    <message>
        <location filename="../work/main/gui/call/banner.py" line="151"/>
        <source>ook bereikbaar op %1</source>
        <translation>also reachable on %1</translation>
    </message>
    <message>
        <location filename="../work/main/gui/call/banner.py" line="155"/>
        <source>Laatste gesprek: %1 (%2)</source>
        <translation>Last call: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../work/main/gui/call/banner.py" line="165"/>
        <source>Nog niet eerder gebeld.</source>
        <translation>Not called before.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/call/banner.py" line="168"/>
        <source>Laatste notitie (%1): %2</source>
        <translation>Last note (%1): %2</translation>
    </message>
    <message>
        <location filename="../work/main/gui/call/banner.py" line="174"/>
        <source>Open:</source>
        <translation>Open items:</translation>
    </message>
    <message>
        <location filename="../work/main/gui/call/banner.py" line="180"/>
        <source>Documenten: %1</source>
        <translation>Documents: %1</translation>
    </message>
    <message>
        <location filename="../work/main/gui/call/banner.py" line="199"/>
        <source>Opgeslagen ✓</source>
        <translation>Saved ✓</translation>
    </message>
</context>
<context>
    <name>ClientCard</name>
    <message>
        <location filename="../work/main/gui/client_card/card.py" line="232"/>
        <source>Gearchiveerd</source>
        <translation>Archived</translation>
    </message>
    <message>
        <location filename="../work/main/gui/client_card/card.py" line="253"/>
        <source>Andere adressen: %1</source>
        <translation>Other addresses: %1</translation>
    </message>
    <message>
        <location filename="../work/main/gui/client_card/card.py" line="344"/>
        <source>Een klant heeft een naam nodig.</source>
        <translation>A client needs a name.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/client_card/card.py" line="347"/>
        <source>%1 wijzigen</source>
        <translation>Change %1</translation>
    </message>
    <message>
        <location filename="../work/main/gui/client_card/card.py" line="357"/>
        <source>Opslaan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../work/main/gui/client_card/card.py" line="381"/>
        <source>✓ Opgeslagen om %1</source>
        <translation>✓ Saved at %1</translation>
    </message>
    <message>
        <location filename="../work/main/gui/client_card/card.py" line="394"/>
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../work/main/gui/client_card/card.py" line="396"/>
        <source>Niet opgeslagen: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location filename="../work/main/gui/client_card/card.py" line="427"/>
        <source>Dit staat al op de kaart.</source>
        <translation>This is already on the card.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/client_card/card.py" line="438"/>
        <source>Toevoegen: %1</source>
        <translation>Add: %1</translation>
    </message>
    <message>
        <location filename="../work/main/gui/client_card/card.py" line="458"/>
        <source>Verwijderen: %1</source>
        <translation>Remove: %1</translation>
    </message>
    <message>
        <location filename="../work/main/gui/client_card/card.py" line="477"/>
        <source>Gekopieerd: %1</source>
        <translation>Copied: %1</translation>
    </message>
    <message>
        <location filename="../work/main/gui/client_card/card.py" line="509"/>
        <source>De scan van dit veld is niet meer bij deze klant.</source>
        <translation>The scan of this field is no longer with this client.</translation>
    </message>
</context>
<context>
    <name>ContactList</name>
    <message>
        <location filename="../work/main/gui/client_card/contact.py" line="51"/>
        <source>Nummer toevoegen… (Enter)</source>
        <translation>Add a number… (Enter)</translation>
    </message>
    <message>
        <location filename="../work/main/gui/client_card/contact.py" line="53"/>
        <source>E-mailadres toevoegen… (Enter)</source>
        <translation>Add an e-mail address… (Enter)</translation>
    </message>
    <message>
        <location filename="../work/main/gui/client_card/contact.py" line="84"/>
        <source>Minder tonen</source>
        <translation>Show fewer</translation>
    </message>
    <message>
        <location filename="../work/main/gui/client_card/contact.py" line="86"/>
        <source>Nog %1 tonen…</source>
        <translation>Show %1 more…</translation>
    </message>
    <message>
        <location filename="../work/main/gui/client_card/contact.py" line="89"/>
        <source>geen</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../work/main/gui/client_card/contact.py" line="105"/>
        <source>Bellen</source>
        <translation>Call</translation>
    </message>
    <message>
        <location filename="../work/main/gui/client_card/contact.py" line="105"/>
        <source>E-mail schrijven</source>
        <translation>Write an e-mail</translation>
    </message>
    <message>
        <location filename="../work/main/gui/client_card/contact.py" line="111"/>
        <source>Kopiëren</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../work/main/gui/client_card/contact.py" line="124"/>
        <source>Verwijderen</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>CoverSheetDialog</name>
    <message>
        <location filename="../work/main/gui/import_wizard/wizard.py" line="242"/>
        <source>Scheidingsblad voor een klant</source>
        <translation>Separator sheet for a client</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/wizard.py" line="244"/>
        <source>Zoek de klant op naam, plaats of nummer…</source>
        <translation>Search for the client by name, city or number…</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/wizard.py" line="250"/>
        <source>Papier na dit blad gaat direct naar deze klant.</source>
        <translation>Paper after this sheet goes straight to this client.</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <location filename="../work/main/gui/documents/panel.py" line="37"/>
        <source>Openen in…</source>
        <translation>Open in…</translation>
    </message>
    <message>
        <location filename="../work/main/gui/documents/panel.py" line="39"/>
        <source>Het originele bestand openen in het standaardprogramma</source>
        <translation>Open the original file in the default program</translation>
    </message>
    <message>
        <location filename="../work/main/gui/documents/panel.py" line="68"/>
        <source>1 pagina</source>
        <translation>1 page</translation>
    </message>
    <message>
        <location filename="../work/main/gui/documents/panel.py" line="70"/>
        <source>%1 pagina&apos;s</source>
        <translation>%1 pages</translation>
    </message>
    <message>
        <location filename="../work/main/gui/documents/panel.py" line="81"/>
        <source>Geen documenten bij deze klant.</source>
        <translation>No documents for this client.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/documents/panel.py" line="97"/>
        <source>Het origineel van %1 ontbreekt in de map met originelen; de tekst is wel bewaard.</source>
        <translation>The original of %1 is missing from the originals folder; its text is kept.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/documents/panel.py" line="115"/>
        <source>Het origineel van %1 ontbreekt in de map met originelen.</source>
        <translation>The original of %1 is missing from the originals folder.</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <location filename="../work/main/gui/i18n.py" line="14"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../work/main/gui/i18n.py" line="15"/>
        <source>Bedrijf</source>
        <translation>Company</translation>
    </message>
    <message>
        <location filename="../work/main/gui/i18n.py" line="16"/>
        <source>Straat</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../work/main/gui/i18n.py" line="17"/>
        <source>Huisnummer</source>
        <translation>House number</translation>
    </message>
    <message>
        <location filename="../work/main/gui/i18n.py" line="18"/>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location filename="../work/main/gui/i18n.py" line="19"/>
        <source>Plaats</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../work/main/gui/i18n.py" line="20"/>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../work/main/gui/i18n.py" line="21"/>
        <source>Telefoon 2</source>
        <translation>Phone 2</translation>
    </message>
    <message>
        <location filename="../work/main/gui/i18n.py" line="22"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../work/main/gui/i18n.py" line="23"/>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <location filename="../work/main/gui/i18n.py" line="24"/>
        <source>KvK-nummer</source>
        <translation>Chamber of Commerce no.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/i18n.py" line="25"/>
        <source>BTW-nummer</source>
        <translation>VAT number</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../work/main/gui/import_wizard/wizard.py" line="67"/>
        <source>Papier inlezen — Klantdossier</source>
        <translation>Scan paper — Klantdossier</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/wizard.py" line="137"/>
        <source>Stoppen… wat al gelezen is, blijft bewaard.</source>
        <translation>Stopping… what has been read so far is kept.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/wizard.py" line="162"/>
        <source>Opslaan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/wizard.py" line="177"/>
        <source>Opslaan is mislukt; er is niets opgeslagen: %1</source>
        <translation>Saving failed; nothing was saved: %1</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/wizard.py" line="211"/>
        <source>Scheidingsblad opslaan</source>
        <translation>Save separator sheet</translation>
    </message>
    <message>
        <source>Het scheidingsblad voor %1 staat in %2 en wordt nu geopend: druk het af.</source>
        <translation>The cover sheet for %1 is in %2 and opens now: print it.</translation>
    </message>
    <message>
        <source>Inlezen sluiten</source>
        <translation>Close reading</translation>
    </message>
    <message>
        <source>S&amp;luiten</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <source>Sluiten (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Wat is ingelezen is nog niet opgeslagen (%1). Sluiten zonder op te slaan?</source>
        <translation>What was read is not saved yet (%1). Close without saving?</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../work/main/gui/main_window.py" line="52"/>
        <source>Klantdossier</source>
        <translation>Klantdossier</translation>
    </message>
    <message>
        <location filename="../work/main/gui/main_window.py" line="59"/>
        <source>Naam, plaats, postcode, telefoon of tekst op papier…</source>
        <translation>Name, city, postcode, phone or text on paper…</translation>
    </message>
    <message>
        <location filename="../work/main/gui/main_window.py" line="63"/>
        <source>Zoek op naam, bedrijf, straat, plaats, postcode, telefoonnummer of een woord op de gescande papieren (Ctrl+F of Esc om hier te komen)</source>
        <translation>Search by name, company, street, city, postcode, phone number or a word on the scanned papers (Ctrl+F or Esc to come here)</translation>
    </message>
    <message>
        <location filename="../work/main/gui/main_window.py" line="81"/>
        <source>&lt;p style=&apos;color:#666&apos;&gt;Typ een naam, plaats, postcode of telefoonnummer en kies een klant met ↑ ↓ en Enter.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#666&apos;&gt;Type a name, city, postcode or phone number and pick a client with ↑ ↓ and Enter.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../work/main/gui/main_window.py" line="93"/>
        <source>&lt;h2&gt;Nog geen klanten&lt;/h2&gt;&lt;p&gt;Lees uw papieren klantmappen in om te beginnen:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Scan de mappen en kies &lt;b&gt;Bestand → Importeren…&lt;/b&gt; (Ctrl+I), of&lt;/li&gt;&lt;li&gt;sleep mappen of scans naar dit venster, of&lt;/li&gt;&lt;li&gt;maak een klant met &lt;b&gt;Klant → Nieuwe klant&lt;/b&gt; (Ctrl+Shift+N).&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Elke map wordt één klant. Daarna vindt u hier iedere klant terug terwijl u typt.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;No clients yet&lt;/h2&gt;&lt;p&gt;Import your paper client folders to begin:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Scan the folders and choose &lt;b&gt;File → Import…&lt;/b&gt; (Ctrl+I), or&lt;/li&gt;&lt;li&gt;drop folders or scans on this window, or&lt;/li&gt;&lt;li&gt;make a client with &lt;b&gt;Client → New client&lt;/b&gt; (Ctrl+Shift+N).&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Each folder becomes one client. Then you find every client here while you type.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../work/main/gui/main_window.py" line="313"/>
        <source>%1 — %2 klanten</source>
        <translation>%1 — %2 clients</translation>
    </message>
    <message>
        <location filename="../work/main/gui/main_window.py" line="564"/>
        <source>De taal wordt %1 na het opnieuw starten van Klantdossier.</source>
        <translation>The language becomes %1 when Klantdossier is restarted.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/main_window.py" line="584"/>
        <source>De gegevens van uw eigen bedrijf zijn opgeslagen.</source>
        <translation>Your own business details have been saved.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../work/main/gui/dialogs/merge.py" line="49"/>
        <source>Klanten samenvoegen</source>
        <translation>Merge clients</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/merge.py" line="53"/>
        <source>Voeg een andere kaart samen met &lt;b&gt;%1&lt;/b&gt;. Kies daarna per veld welke waarde blijft; telefoonnummers, e-mails, adressen, documenten, notities en gesprekken van beide blijven bewaard.</source>
        <translation>Merge another card into &lt;b&gt;%1&lt;/b&gt;. Then choose per field which value stays; phone numbers, e-mails, addresses, documents, notes and calls of both are kept.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/merge.py" line="61"/>
        <source>Zoek de andere kaart…</source>
        <translation>Search for the other card…</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/merge.py" line="69"/>
        <source>Samenvoegen</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/merge.py" line="112"/>
        <source>&lt;b&gt;Veld&lt;/b&gt;</source>
        <translation>&lt;b&gt;Field&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/merge.py" line="121"/>
        <source>(leeg)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/merge.py" line="131"/>
        <source>Geen verschillen in de velden.</source>
        <translation>The fields do not differ.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/merge.py" line="136"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/merge.py" line="137"/>
        <source>Voornaam</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/merge.py" line="138"/>
        <source>Tussenvoegsel</source>
        <translation>Name prefix</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/merge.py" line="139"/>
        <source>Achternaam</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/merge.py" line="140"/>
        <source>Bedrijfsnaam</source>
        <translation>Company name</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/merge.py" line="141"/>
        <source>Rechtsvorm</source>
        <translation>Legal form</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/merge.py" line="142"/>
        <source>KvK-nummer</source>
        <translation>Chamber of Commerce no.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/merge.py" line="143"/>
        <source>Btw-nummer</source>
        <translation>VAT number</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/merge.py" line="144"/>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/merge.py" line="145"/>
        <source>BIC</source>
        <translation>BIC</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/merge.py" line="146"/>
        <source>Klant sinds</source>
        <translation>Client since</translation>
    </message>
</context>
<context>
    <name>MonitorSettingsDialog</name>
    <message>
        <location filename="../work/main/gui/call/dialogs.py" line="77"/>
        <source>Gesprekkenmonitor (FRITZ!Box)</source>
        <translation>Call monitor (FRITZ!Box)</translation>
    </message>
    <message>
        <location filename="../work/main/gui/call/dialogs.py" line="78"/>
        <source>Inkomende gesprekken van de FRITZ!Box tonen</source>
        <translation>Show incoming calls from the FRITZ!Box</translation>
    </message>
    <message>
        <location filename="../work/main/gui/call/dialogs.py" line="86"/>
        <source>Zet de monitor eenmalig aan op de FRITZ!Box door op een aangesloten telefoon #96*5* te kiezen. Klantdossier maakt dan verbinding met dit adres en luistert zelf niet op het netwerk.</source>
        <translation>Turn on the monitor on the FRITZ!Box once by dialling #96*5* on a connected phone. Klantdossier then connects to this address and does not listen on the network itself.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/call/dialogs.py" line="99"/>
        <source>Adres van de FRITZ!Box</source>
        <translation>Address of the FRITZ!Box</translation>
    </message>
    <message>
        <location filename="../work/main/gui/call/dialogs.py" line="100"/>
        <source>Poort</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Alleen deze nummers/lijnen</source>
        <translation>Only these numbers/lines</translation>
    </message>
    <message>
        <source>leeg: alle gesprekken</source>
        <translation>empty: every call</translation>
    </message>
    <message>
        <source>Werken meerdere bureaus met dezelfde FRITZ!Box, vul dan hier het eigen nummer of de lijn (bv. SIP0) van dit bureau in: alleen die gesprekken komen hier op het scherm. Meerdere scheiden met een komma.</source>
        <translation>When several desks use the same FRITZ!Box, fill in this desk&apos;s own number or line (e.g. SIP0): only those calls show here. Separate several with a comma.</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <location filename="../work/main/gui/client_card/notes.py" line="18"/>
        <source>Notitie toevoegen… (Ctrl+N, Enter bewaart)</source>
        <translation>Add a note… (Ctrl+N, Enter saves)</translation>
    </message>
    <message>
        <location filename="../work/main/gui/client_card/notes.py" line="23"/>
        <source>&lt;b&gt;Gesprekken&lt;/b&gt;</source>
        <translation>&lt;b&gt;Calls&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../work/main/gui/client_card/notes.py" line="48"/>
        <source>Nog geen notities.</source>
        <translation>No notes yet.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/client_card/notes.py" line="54"/>
        <source>inkomend</source>
        <translation>incoming</translation>
    </message>
    <message>
        <location filename="../work/main/gui/client_card/notes.py" line="54"/>
        <source>uitgaand</source>
        <translation>outgoing</translation>
    </message>
    <message>
        <location filename="../work/main/gui/client_card/notes.py" line="61"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../work/main/gui/client_card/notes.py" line="67"/>
        <source>Nog geen gesprekken.</source>
        <translation>No calls yet.</translation>
    </message>
</context>
<context>
    <name>OwnBusinessDialog</name>
    <message>
        <location filename="../work/main/gui/dialogs/own_business.py" line="83"/>
        <source>Eigen bedrijf</source>
        <translation>Own business</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/own_business.py" line="90"/>
        <source>Vul hier de gegevens in die op uw &lt;b&gt;eigen&lt;/b&gt; briefpapier staan. Bij het inlezen van papier worden deze gegevens nooit bij een klant gezet, ook niet als ze op een brief aan die klant staan.</source>
        <translation>Enter the details printed on your &lt;b&gt;own&lt;/b&gt; letterhead. When paper is read in, these details are never put on a client&apos;s card, not even when they appear on a letter to that client.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/own_business.py" line="99"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/own_business.py" line="100"/>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/own_business.py" line="101"/>
        <source>Telefoon en e-mail</source>
        <translation>Phone and e-mail</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/own_business.py" line="102"/>
        <source>Bank en registratie</source>
        <translation>Bank and registration</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/own_business.py" line="131"/>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/own_business.py" line="133"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/own_business.py" line="148"/>
        <source>Eén per regel, bijvoorbeeld:</source>
        <translation>One per line, for example:</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/own_business.py" line="150"/>
        <source>&amp;Bedrijfsnaam:</source>
        <translation>&amp;Business name:</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/own_business.py" line="150"/>
        <source>bijvoorbeeld Hoekstra Installatie B.V.</source>
        <translation>for example Hoekstra Installatie B.V.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/own_business.py" line="152"/>
        <source>&amp;Andere namen:</source>
        <translation>&amp;Other names:</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/own_business.py" line="153"/>
        <source>Handelsnamen of een oude naam, één per regel</source>
        <translation>Trade names or a former name, one per line</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/own_business.py" line="156"/>
        <source>&amp;Ondertekenaars:</source>
        <translation>Si&amp;gnatories:</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/own_business.py" line="159"/>
        <source>&amp;Straat en huisnummer:</source>
        <translation>&amp;Street and number:</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/own_business.py" line="159"/>
        <source>bijvoorbeeld Industrieweg 14</source>
        <translation>for example Industrieweg 14</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/own_business.py" line="160"/>
        <source>&amp;Postcode:</source>
        <translation>&amp;Postcode:</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/own_business.py" line="160"/>
        <source>bijvoorbeeld 1234 AB</source>
        <translation>for example 1234 AB</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/own_business.py" line="161"/>
        <source>P&amp;laats:</source>
        <translation>&amp;City:</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/own_business.py" line="163"/>
        <source>&amp;Telefoonnummers:</source>
        <translation>P&amp;hone numbers:</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/own_business.py" line="167"/>
        <source>&amp;E-mailadressen:</source>
        <translation>&amp;E-mail addresses:</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/own_business.py" line="170"/>
        <source>&amp;IBAN:</source>
        <translation>&amp;IBAN:</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/own_business.py" line="170"/>
        <source>bijvoorbeeld NL91 ABNA 0417 1643 00</source>
        <translation>for example NL91 ABNA 0417 1643 00</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/own_business.py" line="171"/>
        <source>&amp;KvK-nummer:</source>
        <translation>&amp;KvK number:</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/own_business.py" line="171"/>
        <source>8 cijfers</source>
        <translation>8 digits</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/own_business.py" line="172"/>
        <source>B&amp;tw-nummer:</source>
        <translation>&amp;VAT number:</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/own_business.py" line="172"/>
        <source>bijvoorbeeld NL123456782B01</source>
        <translation>for example NL123456782B01</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/own_business.py" line="195"/>
        <source>Wat u hier opslaat, komt ervoor in de plaats.</source>
        <translation>What you save here will replace it.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/own_business.py" line="248"/>
        <source>Niet opgeslagen. Verbeter eerst:</source>
        <translation>Not saved. Please correct first:</translation>
    </message>
</context>
<context>
    <name>PageViewer</name>
    <message>
        <location filename="../work/main/gui/documents/viewer.py" line="62"/>
        <source>Pagina</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../work/main/gui/documents/viewer.py" line="81"/>
        <source>◀ Vorige</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <location filename="../work/main/gui/documents/viewer.py" line="82"/>
        <source>Volgende ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <location filename="../work/main/gui/documents/viewer.py" line="86"/>
        <source>Passend</source>
        <translation>Fit</translation>
    </message>
    <message>
        <location filename="../work/main/gui/documents/viewer.py" line="89"/>
        <source>Openen in…</source>
        <translation>Open in…</translation>
    </message>
    <message>
        <location filename="../work/main/gui/documents/viewer.py" line="90"/>
        <source>Uitzoomen (Ctrl+-)</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../work/main/gui/documents/viewer.py" line="91"/>
        <source>Inzoomen (Ctrl++)</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../work/main/gui/documents/viewer.py" line="92"/>
        <source>Hele pagina (Ctrl+0)</source>
        <translation>Whole page (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../work/main/gui/documents/viewer.py" line="93"/>
        <source>Linksom draaien (Ctrl+Shift+R)</source>
        <translation>Rotate left (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <location filename="../work/main/gui/documents/viewer.py" line="94"/>
        <source>Rechtsom draaien (Ctrl+R)</source>
        <translation>Rotate right (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../work/main/gui/documents/viewer.py" line="95"/>
        <source>Het origineel openen in het standaardprogramma</source>
        <translation>Open the original in the default program</translation>
    </message>
    <message>
        <location filename="../work/main/gui/documents/viewer.py" line="96"/>
        <source>Vorige pagina (PgUp)</source>
        <translation>Previous page (PgUp)</translation>
    </message>
    <message>
        <location filename="../work/main/gui/documents/viewer.py" line="97"/>
        <source>Volgende pagina (PgDn)</source>
        <translation>Next page (PgDn)</translation>
    </message>
    <message>
        <location filename="../work/main/gui/documents/viewer.py" line="147"/>
        <source>Pagina %1 van %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <location filename="../work/main/gui/documents/viewer.py" line="234"/>
        <source>Het origineel ontbreekt in de map met originelen.</source>
        <translation>The original is missing from the originals folder.</translation>
    </message>
</context>
<context>
    <name>PickClientDialog</name>
    <message>
        <location filename="../work/main/gui/call/dialogs.py" line="29"/>
        <source>Nummer toevoegen aan bestaande klant</source>
        <translation>Add number to an existing client</translation>
    </message>
    <message>
        <location filename="../work/main/gui/call/dialogs.py" line="32"/>
        <source>Zoek de klant op naam, plaats, postcode…</source>
        <translation>Search for the client by name, city, postcode…</translation>
    </message>
    <message>
        <location filename="../work/main/gui/call/dialogs.py" line="42"/>
        <source>Welke klant heeft nummer %1?</source>
        <translation>Which client has number %1?</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <location filename="../work/main/gui/import_wizard/progress_page.py" line="57"/>
        <location filename="../work/main/gui/import_wizard/progress_page.py" line="105"/>
        <source>&lt;h2&gt;Inlezen…&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Reading…&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/progress_page.py" line="74"/>
        <source>Stoppen en &amp;nakijken</source>
        <translation>Stop and &amp;review</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/progress_page.py" line="76"/>
        <source>&amp;Annuleren (gelezen pagina&apos;s blijven)</source>
        <translation>&amp;Cancel (pages already read are kept)</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/progress_page.py" line="105"/>
        <source>&lt;h2&gt;Map volgen…&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Watching folder…&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/progress_page.py" line="136"/>
        <source>Slecht leesbaar: scan deze pagina opnieuw nu het papier er nog ligt.</source>
        <translation>Hard to read: scan this page again while the paper is still there.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/progress_page.py" line="151"/>
        <source> · nog ongeveer %1</source>
        <translation> · about %1 left</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/progress_page.py" line="153"/>
        <source>%1 pagina&apos;s binnen, %2 van %3 gelezen · %4 pagina&apos;s/min</source>
        <translation>%1 pages in, %2 of %3 read · %4 pages/min</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../work/main/gui/import_wizard/review_page.py" line="138"/>
        <source>&amp;Splitsen vóór gekozen pagina</source>
        <translation>&amp;Split before selected page</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/review_page.py" line="139"/>
        <source>Samen&amp;voegen met volgende</source>
        <translation>&amp;Merge with next</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/review_page.py" line="143"/>
        <source>&lt;b&gt;Gevonden klanten&lt;/b&gt;</source>
        <translation>&lt;b&gt;Clients found&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/review_page.py" line="180"/>
        <source>&lt;b&gt;Veld&lt;/b&gt;</source>
        <translation>&lt;b&gt;Field&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/review_page.py" line="181"/>
        <source>&lt;b&gt;Gelezen (aan te passen)&lt;/b&gt;</source>
        <translation>&lt;b&gt;Read (you can edit)&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/review_page.py" line="182"/>
        <source>&lt;b&gt;Op papier&lt;/b&gt;</source>
        <translation>&lt;b&gt;On paper&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/review_page.py" line="183"/>
        <source>&lt;b&gt;In klantbestand&lt;/b&gt;</source>
        <translation>&lt;b&gt;In client file&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/review_page.py" line="216"/>
        <source>Klant &amp;goedkeuren (Enter)</source>
        <translation>&amp;Approve client (Enter)</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/review_page.py" line="218"/>
        <source>Alles &amp;opslaan</source>
        <translation>Save a&amp;ll</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/review_page.py" line="223"/>
        <source>Opnieuw &amp;beginnen</source>
        <translation>Start &amp;over</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/review_page.py" line="250"/>
        <source>&lt;h2&gt;Nakijken&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Review&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/review_page.py" line="295"/>
        <source>&lt;p&gt;&lt;b&gt;Er is geen papier met inhoud ingelezen.&lt;/b&gt; Zie de meldingen hieronder; met ‘Opnieuw beginnen’ kiest u ander papier.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;No paper with content was read.&lt;/b&gt; See the messages below; use ‘Start over’ to choose other paper.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/review_page.py" line="327"/>
        <source>&lt;b&gt;Klant %1 van %2&lt;/b&gt; — %3 pagina(&apos;s)</source>
        <translation>&lt;b&gt;Client %1 of %2&lt;/b&gt; — %3 page(s)</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/review_page.py" line="367"/>
        <source>Zekerheid %1%</source>
        <translation>Confidence %1%</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/review_page.py" line="374"/>
        <source>Gegevens opnieuw lezen…</source>
        <translation>Read details again…</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/review_page.py" line="450"/>
        <source>door u gekozen: nieuwe klant</source>
        <translation>chosen by you: new client</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/review_page.py" line="453"/>
        <source>door u gekozen</source>
        <translation>chosen by you</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/review_page.py" line="534"/>
        <source>Anders dan in het klantbestand: een nieuw nummer of adres wordt toegevoegd, bestaande gegevens worden niet overschreven.</source>
        <translation>Different from the client file: a new number or address will be added; existing details will not be overwritten.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/review_page.py" line="593"/>
        <source>Kies eerst de pagina waar de volgende klant begint. </source>
        <translation>First choose the page where the next client begins. </translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/review_page.py" line="612"/>
        <source>%1 van %2 klanten goedgekeurd. Enter: goedkeuren · PgDn: volgende</source>
        <translation>%1 of %2 clients approved. Enter: approve · PgDn: next</translation>
    </message>
    <message>
        <source>%1. Die gegevens staan in (bijna) elke map; ze komen op geen enkele klantkaart.</source>
        <translation>%1. Those details are in (almost) every folder; they go on no client card.</translation>
    </message>
    <message>
        <source>Dit is mijn &amp;bedrijf: opslaan</source>
        <translation>This is my &amp;business: save</translation>
    </message>
    <message>
        <source>Opgeslagen als uw eigen bedrijf.</source>
        <translation>Saved as your own business.</translation>
    </message>
    <message>
        <source>pagina %1</source>
        <translation>page %1</translation>
    </message>
</context>
<context>
    <name>SourceButton</name>
    <message>
        <location filename="../work/main/gui/client_card/source.py" line="22"/>
        <source>Gelezen van de scan: wijs aan of klik om het papier te zien</source>
        <translation>Read from the scan: point at it or click to see the paper</translation>
    </message>
</context>
<context>
    <name>SourcesPage</name>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="44"/>
        <source>&lt;h2&gt;Papier inlezen&lt;/h2&gt;&lt;p&gt;Waar komt het papier vandaan?&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Scan paper&lt;/h2&gt;&lt;p&gt;Where does the paper come from?&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="45"/>
        <source>&amp;Scanner</source>
        <translation>S&amp;canner</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="46"/>
        <source>&amp;Bestanden of mappen</source>
        <translation>&amp;Files or folders</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="47"/>
        <source>&amp;Gevolgde map (scannen naar een netwerkmap)</source>
        <translation>&amp;Watched folder (scanning to a network folder)</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="56"/>
        <source>&amp;Vernieuwen</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="60"/>
        <source>Glasplaat (één vel)</source>
        <translation>Flatbed (one sheet)</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="61"/>
        <source>Documentinvoer (stapel)</source>
        <translation>Document feeder (stack)</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="63"/>
        <source>Dubbelzijdig</source>
        <translation>Double-sided</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="69"/>
        <source>Grijs (aanbevolen voor tekst)</source>
        <translation>Grey (recommended for text)</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="70"/>
        <source>Kleur</source>
        <translation>Colour</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="79"/>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="81"/>
        <source>Apparaat:</source>
        <translation>Device:</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="83"/>
        <source>Papier:</source>
        <translation>Paper:</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="84"/>
        <source>Resolutie:</source>
        <translation>Resolution:</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="85"/>
        <source>Kleur:</source>
        <translation>Colour:</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="88"/>
        <source>Meerdere klanten in één stapel? Leg een leeg vel of een scheidingsblad tussen het papier van twee klanten.</source>
        <translation>Several clients in one stack? Put a blank sheet or a separator sheet between the papers of two clients.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="94"/>
        <source>Scheidingsblad &amp;maken voor een klant…</source>
        <translation>&amp;Make a separator sheet for a client…</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="101"/>
        <source>Bestanden &amp;toevoegen…</source>
        <translation>&amp;Add files…</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="102"/>
        <source>&amp;Map toevoegen…</source>
        <translation>Add fol&amp;der…</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="103"/>
        <source>Lijst &amp;wissen</source>
        <translation>&amp;Clear list</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="108"/>
        <source>Bestanden en mappen (een map is één klant)</source>
        <translation>Files and folders (one folder is one client)</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="116"/>
        <source>bijvoorbeeld \\server\scans of ~/Scans</source>
        <translation>for example \\server\scans or ~/Scans</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="117"/>
        <source>Kiezen…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="121"/>
        <source>Gevolgde map</source>
        <translation>Watched folder</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="126"/>
        <source>Nieuwe bestanden worden ingelezen zodra ze helemaal geschreven zijn. Druk op ‘Stoppen en nakijken’ als alles binnen is.</source>
        <translation>New files are read as soon as they have been fully written. Press ‘Stop and review’ when everything is in.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="137"/>
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="193"/>
        <source>Scanners zoeken…</source>
        <translation>Looking for scanners…</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="262"/>
        <source>Deze scanner of bron scant niet dubbelzijdig.</source>
        <translation>This scanner or source does not scan double-sided.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="281"/>
        <source>Scans kiezen</source>
        <translation>Choose scans</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="283"/>
        <source>Scans (*.png *.jpg *.jpeg *.tif *.tiff *.pdf *.bmp *.webp);;Alles (*)</source>
        <translation>Scans (*.png *.jpg *.jpeg *.tif *.tiff *.pdf *.bmp *.webp);;All files (*)</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="288"/>
        <source>Klantmap kiezen</source>
        <translation>Choose client folder</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="293"/>
        <source>Map om te volgen</source>
        <translation>Folder to watch</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="322"/>
        <source>Er is geen scanner gekozen. %1</source>
        <translation>No scanner has been chosen. %1</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="326"/>
        <source>Voeg eerst bestanden of een map toe (of sleep ze op het venster).</source>
        <translation>First add files or a folder (or drag them onto the window).</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="330"/>
        <source>Kies een bestaande map om te volgen.</source>
        <translation>Choose an existing folder to watch.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="159"/>
        <source>De gegevens van uw eigen bedrijf zijn nog niet ingevuld. Vul ze eerst in, dan komen uw eigen telefoonnummer, adres en IBAN nooit bij een klant te staan.</source>
        <translation>Your own business details have not been filled in yet. Fill them in first, so that your own phone number, address and IBAN never end up on a client&apos;s card.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/sources_page.py" line="164"/>
        <source>&amp;Eigen bedrijf invullen…</source>
        <translation>Fill in &amp;own business…</translation>
    </message>
    <message>
        <source>Bij het vorige inlezen leek dit uw eigen bedrijf: %1. Klopt dat? Dan komen deze gegevens nooit bij een klant te staan.</source>
        <translation>The last import took this for your own business: %1. Is that right? Then these details never go on a client.</translation>
    </message>
    <message>
        <source>Klopt, &amp;opslaan</source>
        <translation>Right, &amp;save</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../work/main/gui/import_wizard/summary_page.py" line="26"/>
        <source>&amp;Meer papier inlezen</source>
        <translation>Scan &amp;more paper</translation>
    </message>
    <message>
        <location filename="../work/main/gui/import_wizard/summary_page.py" line="27"/>
        <source>&amp;Sluiten</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>ThumbnailModel</name>
    <message>
        <location filename="../work/main/gui/documents/thumbnails.py" line="51"/>
        <source>Pagina %1 — dubbelklik om te openen</source>
        <translation>Page %1 — double-click to open</translation>
    </message>
</context>
<context>
    <name>confirm</name>
    <message>
        <location filename="../work/main/gui/dialogs/confirm.py" line="15"/>
        <source>Klant wissen</source>
        <translation>Erase client</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/confirm.py" line="18"/>
        <source>&lt;b&gt;%1&lt;/b&gt; en alles van deze klant definitief wissen?</source>
        <translation>Erase &lt;b&gt;%1&lt;/b&gt; and everything of this client for good?</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/confirm.py" line="23"/>
        <source>De kaart, %1 document(en) met hun scans, notities en gesprekken worden gewist (AVG). Dit kan niet ongedaan worden gemaakt.</source>
        <translation>The card, %1 document(s) with their scans, notes and calls are erased (GDPR). This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/confirm.py" line="30"/>
        <source>Definitief wissen</source>
        <translation>Erase for good</translation>
    </message>
    <message>
        <location filename="../work/main/gui/dialogs/confirm.py" line="34"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <location filename="../work/main/gui/validation.py" line="52"/>
        <source>Een postcode is 4 cijfers en 2 letters, bijvoorbeeld 1234 AB.</source>
        <translation>A Dutch postcode is 4 digits and 2 letters, e.g. 1234 AB.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/validation.py" line="67"/>
        <source>Dit IBAN klopt niet (controleer de cijfers).</source>
        <translation>This IBAN is not valid (check the digits).</translation>
    </message>
    <message>
        <location filename="../work/main/gui/validation.py" line="81"/>
        <source>Een BIC is 8 of 11 tekens, bijvoorbeeld INGBNL2A.</source>
        <translation>A BIC has 8 or 11 characters, e.g. INGBNL2A.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/validation.py" line="95"/>
        <source>Een btw-nummer ziet eruit als NL123456789B01.</source>
        <translation>A Dutch VAT number looks like NL123456789B01.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/validation.py" line="105"/>
        <source>Een KvK-nummer heeft 8 cijfers.</source>
        <translation>A Chamber of Commerce number has 8 digits.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/validation.py" line="115"/>
        <source>Dit is geen telefoonnummer, bijvoorbeeld 06-12345678.</source>
        <translation>This is not a phone number, e.g. 06-12345678.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/validation.py" line="126"/>
        <source>Dit is geen e-mailadres, bijvoorbeeld naam@voorbeeld.nl.</source>
        <translation>This is not an e-mail address, e.g. name@example.com.</translation>
    </message>
    <message>
        <location filename="../work/main/gui/validation.py" line="146"/>
        <source>Een datum schrijft u als dag-maand-jaar, bijvoorbeeld 01-03-2019.</source>
        <translation>Write a date as day-month-year, e.g. 01-03-2019.</translation>
    </message>
</context>
<context>
    <name>SharedFileDialog</name>
    <message>
        <source>Verbinden met gedeeld klantenbestand</source>
        <translation>Connect to a shared client file</translation>
    </message>
    <message>
        <source>Met een gedeeld klantenbestand werken meerdere bureaus met dezelfde klanten: een notitie, gesprek of wijziging staat binnen een seconde op elk bureau. Het bestand staat in een PostgreSQL-database op een server in uw kantoor; vraag uw beheerder om de gegevens hieronder.</source>
        <translation>With a shared client file several desks work with the same clients: a note, call or change is on every desk within a second. The file is kept in a PostgreSQL database on a server in your office; ask your administrator for the details below.</translation>
    </message>
    <message>
        <source>Wachtwoord onthouden (in ~/.pgpass, alleen voor u leesbaar)</source>
        <translation>Remember the password (in ~/.pgpass, readable by you only)</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Poort:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <source>Gebruiker:</source>
        <translation>User:</translation>
    </message>
    <message>
        <source>Wachtwoord:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Verbinding testen</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>Verbinden</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>Eigen bestand op deze computer</source>
        <translation>Own file on this computer</translation>
    </message>
    <message>
        <source>Vul ten minste de server en de database in.</source>
        <translation>Fill in at least the server and the database.</translation>
    </message>
    <message>
        <source>Verbinden met %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <source>Verbonden: %1.</source>
        <translation>Connected: %1.</translation>
    </message>
    <message>
        <source>Niet verbonden: %1</source>
        <translation>Not connected: %1</translation>
    </message>
    <message>
        <source>Het wachtwoord kon niet worden bewaard: %1</source>
        <translation>The password could not be kept: %1</translation>
    </message>
    <message>
        <source>Deze klant is op een ander bureau gewist of samengevoegd.</source>
        <translation>This client was erased or merged on another desk.</translation>
    </message>
    <message>
        <source>%1 is zojuist gewijzigd op een ander bureau: %2</source>
        <translation>%1 was just changed on another desk: %2</translation>
    </message>
    <message>
        <source>Weer verbonden met het gedeelde klantenbestand.</source>
        <translation>Connected to the shared client file again.</translation>
    </message>
    <message>
        <source>Opgeslagen. Een ander bureau had dit net gewijzigd (%1); uw waarde geldt nu.</source>
        <translation>Saved. Another desk had just changed this (%1); your value counts now.</translation>
    </message>
    <message>
        <source>Verbinden met &amp;gedeeld klantenbestand…</source>
        <translation>Connect to &amp;shared client file…</translation>
    </message>
    <message>
        <source>Klantdossier opnieuw starten met dit klantenbestand?</source>
        <translation>Restart Klantdossier with this client file?</translation>
    </message>
    <message>
        <source>Opnieuw proberen</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Verbindingsgegevens…</source>
        <translation>Connection details…</translation>
    </message>
    <message>
        <source>Afsluiten</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>naam</source>
        <translation>name</translation>
    </message>
    <message>
        <source>voornaam</source>
        <translation>first name</translation>
    </message>
    <message>
        <source>tussenvoegsel</source>
        <translation>name prefix</translation>
    </message>
    <message>
        <source>achternaam</source>
        <translation>last name</translation>
    </message>
    <message>
        <source>bedrijf</source>
        <translation>company</translation>
    </message>
    <message>
        <source>rechtsvorm</source>
        <translation>legal form</translation>
    </message>
    <message>
        <source>KvK</source>
        <translation>Chamber of Commerce number</translation>
    </message>
    <message>
        <source>btw</source>
        <translation>VAT number</translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <source>BIC</source>
        <translation>BIC</translation>
    </message>
    <message>
        <source>klant sinds</source>
        <translation>client since</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>notitie</source>
        <translation>note</translation>
    </message>
    <message>
        <source>gesprek</source>
        <translation>call</translation>
    </message>
    <message>
        <source>telefoonnummer</source>
        <translation>phone number</translation>
    </message>
    <message>
        <source>e-mailadres</source>
        <translation>e-mail address</translation>
    </message>
    <message>
        <source>adres</source>
        <translation>address</translation>
    </message>
    <message>
        <source>document</source>
        <translation>document</translation>
    </message>
    <message>
        <source>gegevens</source>
        <translation>details</translation>
    </message>
    <message>
        <source>%1 was “%2”</source>
        <translation>%1 was “%2”</translation>
    </message>
</context>
<!-- the GUI helper's strings (wt/gui): export, backup, restore, Gesprekken, checked fields -->
<context>
    <name>BackupDialog</name>
    <message>
        <source>Reservekopie maken</source>
        <translation>Make a backup</translation>
    </message>
    <message>
        <source>Maken</source>
        <translation>Make</translation>
    </message>
    <message>
        <source>Een volledige kopie van het klantbestand en de gescande originelen (in een map ernaast). Bewaar hem op een andere schijf, zoals een USB-stick.</source>
        <translation>A complete copy of the client file and the scanned originals (in a folder beside it). Keep it on another disk, such as a USB stick.</translation>
    </message>
    <message>
        <source>klantdossier-reservekopie</source>
        <translation>klantdossier-backup</translation>
    </message>
    <message>
        <source>Naar</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Reservekopie opslaan als</source>
        <translation>Save backup as</translation>
    </message>
    <message>
        <source>Geef een bestandsnaam voor de reservekopie.</source>
        <translation>Give a file name for the backup.</translation>
    </message>
    <message>
        <source>De map %1 bestaat niet.</source>
        <translation>The folder %1 does not exist.</translation>
    </message>
    <message>
        <source>%1 bestaat al; kies een andere naam.</source>
        <translation>%1 already exists; choose another name.</translation>
    </message>
    <message>
        <source>Reservekopie gemaakt: %1 (met de scans in %2).</source>
        <translation>Backup made: %1 (with the scans in %2).</translation>
    </message>
    <message>
        <source>Reservekopie maken… Dit kan niet worden afgebroken; u kunt intussen gewoon verder werken.</source>
        <translation>Making the backup… This cannot be cancelled; you can go on working meanwhile.</translation>
    </message>
</context>
<context>
    <name>CallLogView</name>
    <message>
        <source>Vandaag</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Afgelopen 7 dagen</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Afgelopen 30 dagen</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Alles</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Alle gesprekken</source>
        <translation>All calls</translation>
    </message>
    <message>
        <source>Gemist</source>
        <translation>Missed</translation>
    </message>
    <message>
        <source>Terugbellen</source>
        <translation>Call back</translation>
    </message>
    <message>
        <source>Onbekende nummers</source>
        <translation>Unknown numbers</translation>
    </message>
    <message>
        <source>Inkomend</source>
        <translation>Incoming</translation>
    </message>
    <message>
        <source>Uitgaand</source>
        <translation>Outgoing</translation>
    </message>
    <message>
        <source>Filter op naam, nummer of notitie…</source>
        <translation>Filter by name, number or note…</translation>
    </message>
    <message>
        <source>Gesprekken van iedereen tonen</source>
        <translation>Show everyone's calls</translation>
    </message>
    <message>
        <source>Wanneer</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Wie</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Notitie bij dit gesprek (Enter slaat op)</source>
        <translation>Note on this call (Enter saves)</translation>
    </message>
    <message>
        <source>Bellen</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Nieuwe klant…</source>
        <translation>New client…</translation>
    </message>
    <message>
        <source>Aan klant koppelen…</source>
        <translation>Add to a client…</translation>
    </message>
    <message>
        <source>Gesprekken niet geladen: %1</source>
        <translation>Calls not loaded: %1</translation>
    </message>
    <message>
        <source>Alleen gesprekken van %1</source>
        <translation>Only calls of %1</translation>
    </message>
    <message>
        <source>Nog terugbellen (%1)</source>
        <translation>To call back (%1)</translation>
    </message>
    <message>
        <source>Geen gesprekken</source>
        <translation>No calls</translation>
    </message>
    <message>
        <source>Onbekend: %1</source>
        <translation>Unknown: %1</translation>
    </message>
    <message>
        <source>(geen nummer)</source>
        <translation>(no number)</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Gisteren</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <source>Onbekende datum</source>
        <translation>Unknown date</translation>
    </message>
    <message>
        <source>Teruggebeld ✓</source>
        <translation>Called back ✓</translation>
    </message>
    <message>
        <source>Terugbellen ⚑</source>
        <translation>Call back ⚑</translation>
    </message>
    <message>
        <source>Het terugbellen is gedaan: markering weghalen</source>
        <translation>The call back is done: remove the mark</translation>
    </message>
    <message>
        <source>Markeren om terug te bellen; blijft staan tot het gedaan is</source>
        <translation>Mark to call back; stays until it is done</translation>
    </message>
    <message>
        <source>Niet opgeslagen: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Notitie bij het gesprek opgeslagen.</source>
        <translation>Note on the call saved.</translation>
    </message>
    <message>
        <source>Bellen lukt niet: geen programma voor tel:-links gevonden.</source>
        <translation>Cannot call: no program for tel: links found.</translation>
    </message>
    <message>
        <source>%1 wordt gebeld.</source>
        <translation>Calling %1.</translation>
    </message>
    <message>
        <source>Nieuwe klant</source>
        <translation>New client</translation>
    </message>
    <message>
        <source>Naam van de klant met nummer %1:</source>
        <translation>Name of the client with number %1:</translation>
    </message>
</context>
<context>
    <name>CallsPane</name>
    <message>
        <source>Kies links &lt;b&gt;Nieuwe klant…&lt;/b&gt; of &lt;b&gt;Aan klant koppelen…&lt;/b&gt;.</source>
        <translation>Choose &lt;b&gt;New client…&lt;/b&gt; or &lt;b&gt;Add to a client…&lt;/b&gt; on the left.</translation>
    </message>
    <message>
        <source>Met de knoppen in de balk hierboven bewaart u het nummer.</source>
        <translation>The buttons in the bar above keep the number.</translation>
    </message>
    <message>
        <source>Onbekend nummer</source>
        <translation>Unknown number</translation>
    </message>
</context>
<context>
    <name>CheckBar</name>
    <message>
        <source>Alles klopt (%1)</source>
        <translation>All correct (%1)</translation>
    </message>
    <message>
        <source>Alle van papier gelezen gegevens op deze kaart zijn gecontroleerd</source>
        <translation>All details read from paper on this card have been checked</translation>
    </message>
    <message>
        <source>1 gegeven is van papier gelezen en nog niet gecontroleerd (geel).</source>
        <translation>1 detail was read from paper and not yet checked (yellow).</translation>
    </message>
    <message>
        <source>%1 gegevens zijn van papier gelezen en nog niet gecontroleerd (geel).</source>
        <translation>%1 details were read from paper and not yet checked (yellow).</translation>
    </message>
    <message>
        <source>Klopt er één? Klik erin en druk op Enter.</source>
        <translation>Is one right? Click it and press Enter.</translation>
    </message>
</context>
<context>
    <name>ClientCard</name>
</context>
<context>
    <name>ClientExportDialog</name>
    <message>
        <source>Alles van deze klant exporteren (AVG)</source>
        <translation>Export everything on this client (GDPR)</translation>
    </message>
    <message>
        <source>Exporteren</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Voor een inzageverzoek (AVG): alles wat over &lt;b&gt;%1&lt;/b&gt; is bewaard — de kaart, de gelezen gegevens met hun herkomst, de tekst van elke pagina, notities, gesprekken en de originele scans — in een eigen map.</source>
        <translation>For a subject access request (GDPR): everything kept on &lt;b&gt;%1&lt;/b&gt; — the card, the details read with where they came from, the text of every page, notes, calls and the original scans — in a folder of its own.</translation>
    </message>
    <message>
        <source>In de map</source>
        <translation>In the folder</translation>
    </message>
    <message>
        <source>Map kiezen</source>
        <translation>Choose folder</translation>
    </message>
    <message>
        <source>Kies een bestaande map.</source>
        <translation>Choose an existing folder.</translation>
    </message>
    <message>
        <source>Klaar: alles van %1 staat in %2.</source>
        <translation>Done: everything on %1 is in %2.</translation>
    </message>
</context>
<context>
    <name>ContactList</name>
    <message>
        <source>van papier gelezen, nog niet gecontroleerd</source>
        <translation>read from paper, not yet checked</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Exporteren</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>CSV voor Excel (.csv)</source>
        <translation>CSV for Excel (.csv)</translation>
    </message>
    <message>
        <source>vCard voor telefoon of adresboek (.vcf)</source>
        <translation>vCard for a phone or address book (.vcf)</translation>
    </message>
    <message>
        <source>JSON, alles per klant (.json)</source>
        <translation>JSON, everything per client (.json)</translation>
    </message>
    <message>
        <source>Wat</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Als</source>
        <translation>As</translation>
    </message>
    <message>
        <source>Naar</source>
        <translation>To</translation>
    </message>
    <message>
        <source>klanten</source>
        <translation>clients</translation>
    </message>
    <message>
        <source>Exporteren naar</source>
        <translation>Export to</translation>
    </message>
    <message>
        <source>Kies waar het bestand moet komen.</source>
        <translation>Choose where the file goes.</translation>
    </message>
    <message>
        <source>%1 is een map; geef een bestandsnaam.</source>
        <translation>%1 is a folder; give a file name.</translation>
    </message>
    <message>
        <source>De map %1 bestaat niet.</source>
        <translation>The folder %1 does not exist.</translation>
    </message>
    <message>
        <source>Klaar: %1 klanten geëxporteerd naar %2.</source>
        <translation>Done: %1 clients exported to %2.</translation>
    </message>
    <message>
        <source>Klaar: geëxporteerd naar %1.</source>
        <translation>Done: exported to %1.</translation>
    </message>
</context>
<context>
    <name>FieldEdit</name>
    <message>
        <source>Van papier gelezen, nog niet gecontroleerd: Enter als het klopt</source>
        <translation>Read from paper, not yet checked: Enter if it is right</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Alle klanten (%1)</source>
        <translation>All clients (%1)</translation>
    </message>
    <message>
        <source>De %1 zoekresultaten voor “%2”</source>
        <translation>The %1 search results for “%2”</translation>
    </message>
    <message>
        <source>Alleen %1</source>
        <translation>Only %1</translation>
    </message>
    <message>
        <source>De reservekopie is teruggezet.</source>
        <translation>The backup has been restored.</translation>
    </message>
    <message>
        <source>Alle klanten</source>
        <translation>All clients</translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message>
        <source>Map openen</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Bladeren…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Bezig…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>%1 van %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>Afgebroken; er is niets geschreven.</source>
        <translation>Stopped; nothing was written.</translation>
    </message>
    <message>
        <source>Niet gelukt: %1</source>
        <translation>Did not work: %1</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Wordt afgebroken…</source>
        <translation>Stopping…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Klanten</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Gesprekken</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>Zoeken en klanten (Ctrl+1)</source>
        <translation>Search and clients (Ctrl+1)</translation>
    </message>
    <message>
        <source>Gesprekken van vandaag en eerder (Ctrl+2)</source>
        <translation>Today's and earlier calls (Ctrl+2)</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Alle gesprekken van deze klant…</source>
        <translation>All calls of this client…</translation>
    </message>
    <message>
        <source>gemist</source>
        <translation>missed</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Reservekopie terugzetten</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <source>Terugzetten</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Het klantbestand wordt vervangen door de gekozen reservekopie. Het huidige bestand wordt &lt;b&gt;niet&lt;/b&gt; gewist: het blijft naast het klantbestand bewaard als &lt;i&gt;%1.voor-terugzetten-&amp;lt;datum&amp;gt;&lt;/i&gt;.</source>
        <translation>The client file is replaced by the chosen backup. The current file is &lt;b&gt;not&lt;/b&gt; erased: it is kept beside the client file as &lt;i&gt;%1.voor-terugzetten-&amp;lt;date&amp;gt;&lt;/i&gt;.</translation>
    </message>
    <message>
        <source>Kies een reservekopie (.sqlite)…</source>
        <translation>Choose a backup (.sqlite)…</translation>
    </message>
    <message>
        <source>Reservekopie</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Reservekopie kiezen</source>
        <translation>Choose a backup</translation>
    </message>
    <message>
        <source>Reservekopie controleren…</source>
        <translation>Checking the backup…</translation>
    </message>
    <message>
        <source>Goede reservekopie van %1, uit een oudere versie van Klantdossier; hij wordt bij het terugzetten bijgewerkt.</source>
        <translation>Good backup of %1, from an older version of Klantdossier; it is brought up to date when restored.</translation>
    </message>
    <message>
        <source>Goede reservekopie van %1 met %2 klanten.</source>
        <translation>Good backup of %1 with %2 clients.</translation>
    </message>
    <message>
        <source>Deze reservekopie kan niet worden teruggezet: %1</source>
        <translation>This backup cannot be restored: %1</translation>
    </message>
    <message>
        <source>Kies eerst een reservekopie; hij wordt dan gecontroleerd.</source>
        <translation>First choose a backup; it is then checked.</translation>
    </message>
    <message>
        <source>Terugzetten… het venster is zo weer te gebruiken.</source>
        <translation>Restoring… the window can be used again in a moment.</translation>
    </message>
    <message>
        <source>Teruggezet.</source>
        <translation>Restored.</translation>
    </message>
    <message>
        <source>Teruggezet. Het vorige klantbestand staat ernaast als %1.</source>
        <translation>Restored. The previous client file is beside it as %1.</translation>
    </message>
</context>
<context>
    <name>UndoMergeDialog</name>
    <message>
        <source>Samenvoeging ongedaan maken</source>
        <translation>Undo a merge</translation>
    </message>
    <message>
        <source>Papier dat bij het inlezen bij %1 is gevoegd. Kies wat een eigen klant moet worden: de documenten en de gegevens die het meebracht gaan mee, wat het aan deze kaart toevoegde gaat eraf.</source>
        <translation>Paper that an import joined to %1. Choose what becomes a client of its own: its documents and the details it brought go with it, what it added to this card is taken off.</translation>
    </message>
    <message>
        <source>&amp;Eigen klant maken</source>
        <translation>&amp;Make it its own client</translation>
    </message>
    <message>
        <source> (%1 documenten)</source>
        <translation> (%1 documents)</translation>
    </message>
    <message>
        <source>Bij deze klant is niets samengevoegd bij het inlezen.</source>
        <translation>Nothing was joined to this client by an import.</translation>
    </message>
    <message>
        <source>Bezig…</source>
        <translation>Working…</translation>
    </message>
</context>
<context>
    <name>ClientChoice</name>
    <message>
        <source>Andere bestaande klant zoeken…</source>
        <translation>Search for another existing client…</translation>
    </message>
    <message>
        <source>Bij klant:</source>
        <translation>For client:</translation>
    </message>
    <message>
        <source>Nieuwe klant</source>
        <translation>New client</translation>
    </message>
    <message>
        <source>Bestaande klant nr. %1</source>
        <translation>Existing client no. %1</translation>
    </message>
    <message>
        <source>Niet zeker: kies de klant. </source>
        <translation>Not sure: choose the client. </translation>
    </message>
    <message>
        <source>Dezelfde klant als %1: </source>
        <translation>The same client as %1: </translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <source>&amp;Importeren…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <source>&amp;Scannen…</source>
        <translation>&amp;Scan…</translation>
    </message>
    <message>
        <source>&amp;Exporteren…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>Reservekopie &amp;maken…</source>
        <translation>&amp;Make a backup…</translation>
    </message>
    <message>
        <source>Reservekopie &amp;terugzetten…</source>
        <translation>&amp;Restore a backup…</translation>
    </message>
    <message>
        <source>Dagelijkse &amp;reservekopie…</source>
        <translation>Daily &amp;backup…</translation>
    </message>
    <message>
        <source>&amp;Eigen bedrijf…</source>
        <translation>&amp;Own business…</translation>
    </message>
    <message>
        <source>&amp;Ongedaan maken</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Opnieuw</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Nieuwe klant…</source>
        <translation>&amp;New client…</translation>
    </message>
    <message>
        <source>N&amp;otitie toevoegen</source>
        <translation>Add n&amp;ote</translation>
    </message>
    <message>
        <source>&amp;Samenvoegen met…</source>
        <translation>&amp;Merge with…</translation>
    </message>
    <message>
        <source>Samenvoeging &amp;ongedaan maken…</source>
        <translation>&amp;Undo an import&apos;s merge…</translation>
    </message>
    <message>
        <source>&amp;Archiveren</source>
        <translation>&amp;Archive</translation>
    </message>
    <message>
        <source>&amp;Wissen (AVG)…</source>
        <translation>&amp;Erase (GDPR)…</translation>
    </message>
    <message>
        <source>Gelezen gegevens &amp;goedkeuren</source>
        <translation>&amp;Accept details read from paper</translation>
    </message>
    <message>
        <source>Alles van deze klant &amp;exporteren (AVG)…</source>
        <translation>E&amp;xport everything on this client (GDPR)…</translation>
    </message>
    <message>
        <source>&amp;Bestand</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Be&amp;werken</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Klant</source>
        <translation>&amp;Client</translation>
    </message>
    <message>
        <source>Bee&amp;ld</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Afsluiten</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Zoeken</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>&amp;Klanten</source>
        <translation>&amp;Clients</translation>
    </message>
    <message>
        <source>&amp;Gesprekken</source>
        <translation>C&amp;alls</translation>
    </message>
    <message>
        <source>&amp;Taal</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Over Klantdossier</source>
        <translation>&amp;About Klantdossier</translation>
    </message>
    <message>
        <source>Terughalen uit &amp;archief</source>
        <translation>Restore from &amp;archive</translation>
    </message>
</context>
<context>
    <name>LiveSearch</name>
    <message>
        <source>De eerste 50 klanten; typ verder om te verfijnen</source>
        <translation>The first 50 clients; keep typing to narrow down</translation>
    </message>
    <message>
        <source>Alle klanten op naam</source>
        <translation>All clients by name</translation>
    </message>
    <message>
        <source>1 klant gevonden</source>
        <translation>1 client found</translation>
    </message>
    <message>
        <source>%1 klanten gevonden</source>
        <translation>%1 clients found</translation>
    </message>
    <message>
        <source>Niets gevonden voor “%1”.</source>
        <translation>Nothing found for “%1”.</translation>
    </message>
    <message>
        <source>Zoeken mislukt: %1</source>
        <translation>Search failed: %1</translation>
    </message>
</context>
<context>
    <name>ClientActions</name>
    <message>
        <source>Nieuwe klant</source>
        <translation>New client</translation>
    </message>
    <message>
        <source>Naam van de klant:</source>
        <translation>Client&apos;s name:</translation>
    </message>
    <message>
        <source>%1 is teruggehaald uit het archief.</source>
        <translation>%1 was restored from the archive.</translation>
    </message>
    <message>
        <source>%1 is gearchiveerd.</source>
        <translation>%1 was archived.</translation>
    </message>
    <message>
        <source>%1 is gewist.</source>
        <translation>%1 was erased.</translation>
    </message>
    <message>
        <source>De zoekindex is nog niet opgeschoond (%1); dat gebeurt bij het volgende wissen.</source>
        <translation>The search index has not been cleaned up yet (%1); that happens at the next erase.</translation>
    </message>
</context>
<context>
    <name>CardBody</name>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Notities en gesprekken</source>
        <translation>Notes and calls</translation>
    </message>
    <message>
        <source>Documenten</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Alles van deze klant exporteren (AVG)…</source>
        <translation>Export everything on this client (GDPR)…</translation>
    </message>
    <message>
        <source>Voor een inzageverzoek: de kaart, de gelezen gegevens, de tekst en de scans</source>
        <translation>For a subject access request: the card, the details read, the text and the scans</translation>
    </message>
    <message>
        <source>Persoon</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Bedrijf</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Financieel</source>
        <translation>Finance</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Voornaam</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Tussenvoegsel</source>
        <translation>Name prefix</translation>
    </message>
    <message>
        <source>Achternaam</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Straat</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>Huisnummer</source>
        <translation>House number</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Plaats</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Land</source>
        <translation>Country</translation>
    </message>
    <message>
        <source>Bedrijfsnaam</source>
        <translation>Company name</translation>
    </message>
    <message>
        <source>Rechtsvorm</source>
        <translation>Legal form</translation>
    </message>
    <message>
        <source>KvK-nummer</source>
        <translation>Chamber of Commerce no.</translation>
    </message>
    <message>
        <source>Btw-nummer</source>
        <translation>VAT number</translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <source>BIC</source>
        <translation>BIC</translation>
    </message>
    <message>
        <source>Klant sinds</source>
        <translation>Client since</translation>
    </message>
</context>
</TS>
