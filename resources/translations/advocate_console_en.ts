<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CallerBar</name>
    <message numerus="yes">
        <source>%n caller(s)</source>
        <translation>
            <numerusform>%n caller</numerusform>
            <numerusform>%n callers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallerSummary</name>
    <message numerus="yes">
        <source>%s customer since %s · lifetime value %s · %n open case(s)</source>
        <translation>
            <numerusform>%s customer since %s · lifetime value %s · %n open case</numerusform>
            <numerusform>%s customer since %s · lifetime value %s · %n open cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CardLayoutWords</name>
    <message numerus="yes">
        <source>The message is too long for the %1: even at the smallest size (%2 pt) about %n more line(s) would be needed. Shorten it or choose a bigger card.</source>
        <translation>
            <numerusform>The message is too long for the %1: even at the smallest size (%2 pt) about %n more line would be needed. Shorten it or choose a bigger card.</numerusform>
            <numerusform>The message is too long for the %1: even at the smallest size (%2 pt) about %n more lines would be needed. Shorten it or choose a bigger card.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CardQueuePanel</name>
    <message numerus="yes">
        <source>Print %n card(s)</source>
        <translation>
            <numerusform>Print %n card</numerusform>
            <numerusform>Print %n cards</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) will stay in the queue: the printer holds %1 (set by your IT department).</source>
        <translation>
            <numerusform>%n card will stay in the queue: the printer holds %1 (set by your IT department).</numerusform>
            <numerusform>%n cards will stay in the queue: the printer holds %1 (set by your IT department).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) are not on the card stock in the printer, %1.</source>
        <translation>
            <numerusform>%n card is not on the card stock in the printer, %1.</numerusform>
            <numerusform>%n cards are not on the card stock in the printer, %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending %n card(s) to %1…</source>
        <translation>
            <numerusform>Sending %n card to %1…</numerusform>
            <numerusform>Sending %n cards to %1…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) saved to %1</source>
        <translation>
            <numerusform>%n card saved to %1</numerusform>
            <numerusform>%n cards saved to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintRunWords</name>
    <message numerus="yes">
        <source>%n card(s) printed</source>
        <translation>
            <numerusform>%n card printed</numerusform>
            <numerusform>%n cards printed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsNotice</name>
    <message numerus="yes">
        <source>⚠ Settings: %n problem(s)</source>
        <translation>
            <numerusform>⚠ Settings: %n problem</numerusform>
            <numerusform>⚠ Settings: %n problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to resolve</source>
        <translation>
            <numerusform>%n conflict to resolve</numerusform>
            <numerusform>%n conflicts to resolve</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
        </translation>
    </message>
</context>
</TS>
