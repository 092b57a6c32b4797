<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../gui/dialogs/about.py" line="24" />
        <source>Over Klantdossier</source>
        <translation>About Klantdossier</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/about.py" line="30" />
        <source>&lt;h2&gt;Klantdossier %1&lt;/h2&gt;&lt;p&gt;Papieren klantmappen inlezen, doorzoeken en de beller direct op het scherm.&lt;/p&gt;&lt;p&gt;Alle gegevens blijven op deze computer.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Klantdossier %1&lt;/h2&gt;&lt;p&gt;Scan paper client folders, search them, and see who is calling.&lt;/p&gt;&lt;p&gt;All data stays on this computer.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/about.py" line="35" />
        <source>Tesseract: wordt opgevraagd…</source>
        <translation>Tesseract: asking…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/about.py" line="38" />
        <source>Klantbestand: %1</source>
        <translation>Client file: %1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/about.py" line="51" />
        <source>Tesseract: versie %1</source>
        <translation>Tesseract: version %1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/about.py" line="54" />
        <source>Tesseract: niet beschikbaar — %1</source>
        <translation>Tesseract: not available — %1</translation>
    </message>
</context>
<context>
    <name>ClientCard</name>
    <message>
        <location filename="../../gui/client_card/card.py" line="108" />
        <source>Persoon</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="110" />
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="111" />
        <source>Voornaam</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="112" />
        <source>Tussenvoegsel</source>
        <translation>Name prefix</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="113" />
        <source>Achternaam</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="117" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="122" />
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="123" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="127" />
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="129" />
        <source>Straat</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="130" />
        <source>Huisnummer</source>
        <translation>House number</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="131" />
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="132" />
        <source>Plaats</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="133" />
        <source>Land</source>
        <translation>Country</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="146" />
        <source>Bedrijf</source>
        <translation>Company</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="148" />
        <source>Bedrijfsnaam</source>
        <translation>Company name</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="149" />
        <source>Rechtsvorm</source>
        <translation>Legal form</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="150" />
        <source>KvK-nummer</source>
        <translation>Chamber of Commerce no.</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="151" />
        <source>Btw-nummer</source>
        <translation>VAT number</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="157" />
        <source>Financieel</source>
        <translation>Finance</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="159" />
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="160" />
        <source>BIC</source>
        <translation>BIC</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="161" />
        <source>Klant sinds</source>
        <translation>Client since</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="165" />
        <source>Notities en gesprekken</source>
        <translation>Notes and calls</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="170" />
        <source>Documenten</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="231" />
        <source>Gearchiveerd</source>
        <translation>Archived</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="252" />
        <source>Andere adressen: %1</source>
        <translation>Other addresses: %1</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="343" />
        <source>Een klant heeft een naam nodig.</source>
        <translation>A client needs a name.</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="346" />
        <source>%1 wijzigen</source>
        <translation>Change %1</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="356" />
        <source>Opslaan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="380" />
        <source>✓ Opgeslagen om %1</source>
        <translation>✓ Saved at %1</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="393" />
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="395" />
        <source>Niet opgeslagen: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="426" />
        <source>Dit staat al op de kaart.</source>
        <translation>This is already on the card.</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="437" />
        <source>Toevoegen: %1</source>
        <translation>Add: %1</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="457" />
        <source>Verwijderen: %1</source>
        <translation>Remove: %1</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="476" />
        <source>Gekopieerd: %1</source>
        <translation>Copied: %1</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/card.py" line="508" />
        <source>De scan van dit veld is niet meer bij deze klant.</source>
        <translation>The scan of this field is no longer with this client.</translation>
    </message>
</context>
<context>
    <name>ContactList</name>
    <message>
        <location filename="../../gui/client_card/contact.py" line="51" />
        <source>Nummer toevoegen… (Enter)</source>
        <translation>Add a number… (Enter)</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/contact.py" line="53" />
        <source>E-mailadres toevoegen… (Enter)</source>
        <translation>Add an e-mail address… (Enter)</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/contact.py" line="84" />
        <source>Minder tonen</source>
        <translation>Show fewer</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/contact.py" line="86" />
        <source>Nog %1 tonen…</source>
        <translation>Show %1 more…</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/contact.py" line="89" />
        <source>geen</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/contact.py" line="105" />
        <source>Bellen</source>
        <translation>Call</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/contact.py" line="105" />
        <source>E-mail schrijven</source>
        <translation>Write an e-mail</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/contact.py" line="111" />
        <source>Kopiëren</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/contact.py" line="124" />
        <source>Verwijderen</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <location filename="../../gui/documents/panel.py" line="37" />
        <source>Openen in…</source>
        <translation>Open in…</translation>
    </message>
    <message>
        <location filename="../../gui/documents/panel.py" line="39" />
        <source>Het originele bestand openen in het standaardprogramma</source>
        <translation>Open the original file in the default program</translation>
    </message>
    <message>
        <location filename="../../gui/documents/panel.py" line="68" />
        <source>1 pagina</source>
        <translation>1 page</translation>
    </message>
    <message>
        <location filename="../../gui/documents/panel.py" line="70" />
        <source>%1 pagina's</source>
        <translation>%1 pages</translation>
    </message>
    <message>
        <location filename="../../gui/documents/panel.py" line="81" />
        <source>Geen documenten bij deze klant.</source>
        <translation>No documents for this client.</translation>
    </message>
    <message>
        <location filename="../../gui/documents/panel.py" line="97" />
        <source>Het origineel van %1 ontbreekt in de map met originelen; de tekst is wel bewaard.</source>
        <translation>The original of %1 is missing from the originals folder; its text is kept.</translation>
    </message>
    <message>
        <location filename="../../gui/documents/panel.py" line="115" />
        <source>Het origineel van %1 ontbreekt in de map met originelen.</source>
        <translation>The original of %1 is missing from the originals folder.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="52" />
        <source>Klantdossier</source>
        <translation>Klantdossier</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="59" />
        <source>Naam, plaats, postcode, telefoon of tekst op papier…</source>
        <translation>Name, city, postcode, phone or text on paper…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="63" />
        <source>Zoek op naam, bedrijf, straat, plaats, postcode, telefoonnummer of een woord op de gescande papieren (Ctrl+F of Esc om hier te komen)</source>
        <translation>Search by name, company, street, city, postcode, phone number or a word on the scanned papers (Ctrl+F or Esc to come here)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="81" />
        <source>&lt;p style='color:#666'&gt;Typ een naam, plaats, postcode of telefoonnummer en kies een klant met ↑ ↓ en Enter.&lt;/p&gt;</source>
        <translation>&lt;p style='color:#666'&gt;Type a name, city, postcode or phone number and pick a client with ↑ ↓ and Enter.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="93" />
        <source>&lt;h2&gt;Nog geen klanten&lt;/h2&gt;&lt;p&gt;Lees uw papieren klantmappen in om te beginnen:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Scan de mappen en kies &lt;b&gt;Bestand → Importeren…&lt;/b&gt; (Ctrl+I), of&lt;/li&gt;&lt;li&gt;sleep mappen of scans naar dit venster, of&lt;/li&gt;&lt;li&gt;maak een klant met &lt;b&gt;Klant → Nieuwe klant&lt;/b&gt; (Ctrl+Shift+N).&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Elke map wordt één klant. Daarna vindt u hier iedere klant terug terwijl u typt.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;No clients yet&lt;/h2&gt;&lt;p&gt;Import your paper client folders to begin:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Scan the folders and choose &lt;b&gt;File → Import…&lt;/b&gt; (Ctrl+I), or&lt;/li&gt;&lt;li&gt;drop folders or scans on this window, or&lt;/li&gt;&lt;li&gt;make a client with &lt;b&gt;Client → New client&lt;/b&gt; (Ctrl+Shift+N).&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Each folder becomes one client. Then you find every client here while you type.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="175" />
        <source>&amp;Bestand</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="177" />
        <source>&amp;Importeren…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="178" />
        <source>&amp;Scannen…</source>
        <translation>&amp;Scan…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="183" />
        <source>&amp;Afsluiten</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="186" />
        <source>Be&amp;werken</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="187" />
        <source>&amp;Ongedaan maken</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="189" />
        <source>&amp;Opnieuw</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="194" />
        <source>&amp;Zoeken</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="196" />
        <source>&amp;Klant</source>
        <translation>&amp;Client</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="198" />
        <source>&amp;Nieuwe klant…</source>
        <translation>&amp;New client…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="200" />
        <source>N&amp;otitie toevoegen</source>
        <translation>Add n&amp;ote</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="201" />
        <source>&amp;Samenvoegen met…</source>
        <translation>&amp;Merge with…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="203" />
        <location filename="../../gui/main_window.py" line="250" />
        <source>&amp;Archiveren</source>
        <translation>&amp;Archive</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="206" />
        <source>&amp;Wissen (AVG)…</source>
        <translation>&amp;Erase (GDPR)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="221" />
        <source>Bee&amp;ld</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="222" />
        <source>&amp;Taal</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="234" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="235" />
        <source>&amp;Over Klantdossier</source>
        <translation>&amp;About Klantdossier</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="250" />
        <source>Terughalen uit &amp;archief</source>
        <translation>Restore from &amp;archive</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="310" />
        <source>%1 — %2 klanten</source>
        <translation>%1 — %2 clients</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="391" />
        <source>Niets gevonden voor “%1”.</source>
        <translation>Nothing found for “%1”.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="396" />
        <source>Alle klanten op naam</source>
        <translation>All clients by name</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="406" />
        <source>1 klant gevonden</source>
        <translation>1 client found</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="408" />
        <source>%1 klanten gevonden</source>
        <translation>%1 clients found</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="409" />
        <source>De eerste 50 klanten; typ verder om te verfijnen</source>
        <translation>The first 50 clients; keep typing to narrow down</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="415" />
        <source>Zoeken mislukt: %1</source>
        <translation>Search failed: %1</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="471" />
        <source>Nieuwe klant</source>
        <translation>New client</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="471" />
        <source>Naam van de klant:</source>
        <translation>Client's name:</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="498" />
        <source>%1 is teruggehaald uit het archief.</source>
        <translation>%1 was restored from the archive.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="500" />
        <source>%1 is gearchiveerd.</source>
        <translation>%1 was archived.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="510" />
        <source>Wissen kan in deze versie nog niet.</source>
        <translation>Erasing is not possible in this version yet.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="526" />
        <source>%1 is gewist.</source>
        <translation>%1 was erased.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="533" />
        <source>Samenvoegen kan in deze versie nog niet.</source>
        <translation>Merging is not possible in this version yet.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="561" />
        <source>De taal wordt %1 na het opnieuw starten van Klantdossier.</source>
        <translation>The language becomes %1 when Klantdossier is restarted.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../gui/dialogs/merge.py" line="49" />
        <source>Klanten samenvoegen</source>
        <translation>Merge clients</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge.py" line="53" />
        <source>Voeg een andere kaart samen met &lt;b&gt;%1&lt;/b&gt;. Kies daarna per veld welke waarde blijft; telefoonnummers, e-mails, adressen, documenten, notities en gesprekken van beide blijven bewaard.</source>
        <translation>Merge another card into &lt;b&gt;%1&lt;/b&gt;. Then choose per field which value stays; phone numbers, e-mails, addresses, documents, notes and calls of both are kept.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge.py" line="61" />
        <source>Zoek de andere kaart…</source>
        <translation>Search for the other card…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge.py" line="69" />
        <source>Samenvoegen</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge.py" line="112" />
        <source>&lt;b&gt;Veld&lt;/b&gt;</source>
        <translation>&lt;b&gt;Field&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge.py" line="121" />
        <source>(leeg)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge.py" line="131" />
        <source>Geen verschillen in de velden.</source>
        <translation>The fields do not differ.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge.py" line="136" />
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge.py" line="137" />
        <source>Voornaam</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge.py" line="138" />
        <source>Tussenvoegsel</source>
        <translation>Name prefix</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge.py" line="139" />
        <source>Achternaam</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge.py" line="140" />
        <source>Bedrijfsnaam</source>
        <translation>Company name</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge.py" line="141" />
        <source>Rechtsvorm</source>
        <translation>Legal form</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge.py" line="142" />
        <source>KvK-nummer</source>
        <translation>Chamber of Commerce no.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge.py" line="143" />
        <source>Btw-nummer</source>
        <translation>VAT number</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge.py" line="144" />
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge.py" line="145" />
        <source>BIC</source>
        <translation>BIC</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge.py" line="146" />
        <source>Klant sinds</source>
        <translation>Client since</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <location filename="../../gui/client_card/notes.py" line="18" />
        <source>Notitie toevoegen… (Ctrl+N, Enter bewaart)</source>
        <translation>Add a note… (Ctrl+N, Enter saves)</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/notes.py" line="23" />
        <source>&lt;b&gt;Gesprekken&lt;/b&gt;</source>
        <translation>&lt;b&gt;Calls&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/notes.py" line="48" />
        <source>Nog geen notities.</source>
        <translation>No notes yet.</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/notes.py" line="54" />
        <source>inkomend</source>
        <translation>incoming</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/notes.py" line="54" />
        <source>uitgaand</source>
        <translation>outgoing</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/notes.py" line="61" />
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../gui/client_card/notes.py" line="67" />
        <source>Nog geen gesprekken.</source>
        <translation>No calls yet.</translation>
    </message>
</context>
<context>
    <name>PageViewer</name>
    <message>
        <location filename="../../gui/documents/viewer.py" line="62" />
        <source>Pagina</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../../gui/documents/viewer.py" line="81" />
        <source>◀ Vorige</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <location filename="../../gui/documents/viewer.py" line="82" />
        <source>Volgende ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <location filename="../../gui/documents/viewer.py" line="86" />
        <source>Passend</source>
        <translation>Fit</translation>
    </message>
    <message>
        <location filename="../../gui/documents/viewer.py" line="89" />
        <source>Openen in…</source>
        <translation>Open in…</translation>
    </message>
    <message>
        <location filename="../../gui/documents/viewer.py" line="90" />
        <source>Uitzoomen (Ctrl+-)</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../gui/documents/viewer.py" line="91" />
        <source>Inzoomen (Ctrl++)</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../../gui/documents/viewer.py" line="92" />
        <source>Hele pagina (Ctrl+0)</source>
        <translation>Whole page (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../gui/documents/viewer.py" line="93" />
        <source>Linksom draaien (Ctrl+Shift+R)</source>
        <translation>Rotate left (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <location filename="../../gui/documents/viewer.py" line="94" />
        <source>Rechtsom draaien (Ctrl+R)</source>
        <translation>Rotate right (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../gui/documents/viewer.py" line="95" />
        <source>Het origineel openen in het standaardprogramma</source>
        <translation>Open the original in the default program</translation>
    </message>
    <message>
        <location filename="../../gui/documents/viewer.py" line="96" />
        <source>Vorige pagina (PgUp)</source>
        <translation>Previous page (PgUp)</translation>
    </message>
    <message>
        <location filename="../../gui/documents/viewer.py" line="97" />
        <source>Volgende pagina (PgDn)</source>
        <translation>Next page (PgDn)</translation>
    </message>
    <message>
        <location filename="../../gui/documents/viewer.py" line="147" />
        <source>Pagina %1 van %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <location filename="../../gui/documents/viewer.py" line="234" />
        <source>Het origineel ontbreekt in de map met originelen.</source>
        <translation>The original is missing from the originals folder.</translation>
    </message>
</context>
<context>
    <name>SourceButton</name>
    <message>
        <location filename="../../gui/client_card/source.py" line="22" />
        <source>Gelezen van de scan: wijs aan of klik om het papier te zien</source>
        <translation>Read from the scan: point at it or click to see the paper</translation>
    </message>
</context>
<context>
    <name>ThumbnailModel</name>
    <message>
        <location filename="../../gui/documents/thumbnails.py" line="51" />
        <source>Pagina %1 — dubbelklik om te openen</source>
        <translation>Page %1 — double-click to open</translation>
    </message>
</context>
<context>
    <name>confirm</name>
    <message>
        <location filename="../../gui/dialogs/confirm.py" line="15" />
        <source>Klant wissen</source>
        <translation>Erase client</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/confirm.py" line="18" />
        <source>&lt;b&gt;%1&lt;/b&gt; en alles van deze klant definitief wissen?</source>
        <translation>Erase &lt;b&gt;%1&lt;/b&gt; and everything of this client for good?</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/confirm.py" line="23" />
        <source>De kaart, %1 document(en) met hun scans, notities en gesprekken worden gewist (AVG). Dit kan niet ongedaan worden gemaakt.</source>
        <translation>The card, %1 document(s) with their scans, notes and calls are erased (GDPR). This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/confirm.py" line="30" />
        <source>Definitief wissen</source>
        <translation>Erase for good</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/confirm.py" line="34" />
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <location filename="../../gui/validation.py" line="52" />
        <source>Een postcode is 4 cijfers en 2 letters, bijvoorbeeld 1234 AB.</source>
        <translation>A Dutch postcode is 4 digits and 2 letters, e.g. 1234 AB.</translation>
    </message>
    <message>
        <location filename="../../gui/validation.py" line="67" />
        <source>Dit IBAN klopt niet (controleer de cijfers).</source>
        <translation>This IBAN is not valid (check the digits).</translation>
    </message>
    <message>
        <location filename="../../gui/validation.py" line="81" />
        <source>Een BIC is 8 of 11 tekens, bijvoorbeeld INGBNL2A.</source>
        <translation>A BIC has 8 or 11 characters, e.g. INGBNL2A.</translation>
    </message>
    <message>
        <location filename="../../gui/validation.py" line="95" />
        <source>Een btw-nummer ziet eruit als NL123456789B01.</source>
        <translation>A Dutch VAT number looks like NL123456789B01.</translation>
    </message>
    <message>
        <location filename="../../gui/validation.py" line="105" />
        <source>Een KvK-nummer heeft 8 cijfers.</source>
        <translation>A Chamber of Commerce number has 8 digits.</translation>
    </message>
    <message>
        <location filename="../../gui/validation.py" line="115" />
        <source>Dit is geen telefoonnummer, bijvoorbeeld 06-12345678.</source>
        <translation>This is not a phone number, e.g. 06-12345678.</translation>
    </message>
    <message>
        <location filename="../../gui/validation.py" line="126" />
        <source>Dit is geen e-mailadres, bijvoorbeeld naam@voorbeeld.nl.</source>
        <translation>This is not an e-mail address, e.g. name@example.com.</translation>
    </message>
    <message>
        <location filename="../../gui/validation.py" line="146" />
        <source>Een datum schrijft u als dag-maand-jaar, bijvoorbeeld 01-03-2019.</source>
        <translation>Write a date as day-month-year, e.g. 01-03-2019.</translation>
    </message>
</context>
</TS>