<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ApprovalWords</name>
    <message numerus="yes">
        <source>warranty extension up to %n month(s)</source>
        <translation>
            <numerusform>warranty extension up to %n month</numerusform>
            <numerusform>warranty extension up to %n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>this one is %n month(s)</source>
        <translation>
            <numerusform>this one is %n month</numerusform>
            <numerusform>this one is %n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%s by %n month(s)</source>
        <translation>
            <numerusform>%s by %n month</numerusform>
            <numerusform>%s by %n months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ApprovalsPanel</name>
    <message numerus="yes">
        <source>Approvals (%n waiting)</source>
        <translation>
            <numerusform>Approvals (%n waiting)</numerusform>
            <numerusform>Approvals (%n waiting)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BrokenPage</name>
    <message numerus="yes">
        <source>%n case(s) of %1 (%2): open one to put its customer on screen.</source>
        <translation>
            <numerusform>%n case of %1 (%2): open one to put its customer on screen.</numerusform>
            <numerusform>%n cases of %1 (%2): open one to put its customer on screen.</numerusform>
        </translation>
    </message>
</context>
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
    <message numerus="yes">
        <source>⚠ Repeat failure: %s %s failed %n time(s)</source>
        <translation>
            <numerusform>⚠ Repeat failure: %s %s failed %n time</numerusform>
            <numerusform>⚠ Repeat failure: %s %s failed %n times</numerusform>
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
    <name>CardPrinting</name>
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
        <source>No PDF was written: the %n chosen card(s) cannot be laid out.</source>
        <translation>
            <numerusform>No PDF was written: the %n chosen card cannot be laid out.</numerusform>
            <numerusform>No PDF was written: the %n chosen cards cannot be laid out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n envelope(s) saved to %1</source>
        <translation>
            <numerusform>%n envelope saved to %1</numerusform>
            <numerusform>%n envelopes saved to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) saved to %1</source>
        <translation>
            <numerusform>%n card saved to %1</numerusform>
            <numerusform>%n cards saved to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left out:</source>
        <translation>
            <numerusform>%n left out:</numerusform>
            <numerusform>%n left out:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CardQueuePanel</name>
    <message numerus="yes">
        <source>Mine (%n)</source>
        <translation>
            <numerusform>Mine (%n)</numerusform>
            <numerusform>Mine (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Team (%n)</source>
        <translation>
            <numerusform>Team (%n)</numerusform>
            <numerusform>Team (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n old failed card(s) of others not shown (All cards shows them).</source>
        <translation>
            <numerusform>%n old failed card of others not shown (All cards shows them).</numerusform>
            <numerusform>%n old failed cards of others not shown (All cards shows them).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message numerus="yes">
        <source>At least %n characters, and not a common password: a few words you will remember make a good one.</source>
        <translation>
            <numerusform>At least %n characters, and not a common password: a few words you will remember make a good one.</numerusform>
            <numerusform>At least %n characters, and not a common password: a few words you will remember make a good one.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The new password needs at least %n characters.</source>
        <translation>
            <numerusform>The new password needs at least %n characters.</numerusform>
            <numerusform>The new password needs at least %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The new password may have at most %n characters.</source>
        <translation>
            <numerusform>The new password may have at most %n characters.</numerusform>
            <numerusform>The new password may have at most %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsoleApprovals</name>
    <message numerus="yes">
        <source>%n request(s) waiting for a lead&apos;s decision</source>
        <translation>
            <numerusform>%n request waiting for a lead&apos;s decision</numerusform>
            <numerusform>%n requests waiting for a lead&apos;s decision</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowUpsPanel</name>
    <message numerus="yes">
        <source>Follow-ups · %n mine</source>
        <translation>
            <numerusform>Follow-ups · %n mine</numerusform>
            <numerusform>Follow-ups · %n mine</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mine (%n)</source>
        <translation>
            <numerusform>Mine (%n)</numerusform>
            <numerusform>Mine (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Team (%n)</source>
        <translation>
            <numerusform>Team (%n)</numerusform>
            <numerusform>Team (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due soon</source>
        <translation>
            <numerusform>%n due soon</numerusform>
            <numerusform>%n due soon</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing of yours is due. %n of the team&apos;s: see Team.</source>
        <translation>
            <numerusform>Nothing of yours is due. %n of the team&apos;s: see Team.</numerusform>
            <numerusform>Nothing of yours is due. %n of the team&apos;s: see Team.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryDetailsWords</name>
    <message numerus="yes">
        <source>%s by %n month(s)</source>
        <translation>
            <numerusform>%s by %n month</numerusform>
            <numerusform>%s by %n months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message numerus="yes">
        <source>expired %n day(s) ago</source>
        <translation>
            <numerusform>expired %n day ago</numerusform>
            <numerusform>expired %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>expired %n month(s) ago</source>
        <translation>
            <numerusform>expired %n month ago</numerusform>
            <numerusform>expired %n months ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>expired %n year(s) ago</source>
        <translation>
            <numerusform>expired %n year ago</numerusform>
            <numerusform>expired %n years ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>active, ends in %n day(s)</source>
        <translation>
            <numerusform>active, ends in %n day</numerusform>
            <numerusform>active, ends in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>active, ends in %n month(s)</source>
        <translation>
            <numerusform>active, ends in %n month</numerusform>
            <numerusform>active, ends in %n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>active, ends in %n year(s)</source>
        <translation>
            <numerusform>active, ends in %n year</numerusform>
            <numerusform>active, ends in %n years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>Last %n day</numerusform>
            <numerusform>Last %n days</numerusform>
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
    <message numerus="yes">
        <source>%n card(s) still in the queue</source>
        <translation>
            <numerusform>%n card still in the queue</numerusform>
            <numerusform>%n cards still in the queue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) failed</source>
        <translation>
            <numerusform>%n card failed</numerusform>
            <numerusform>%n cards failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemLabels</name>
    <message numerus="yes">
        <source>That is not a full %s number: it needs %n digit(s).</source>
        <translation>
            <numerusform>That is not a full %s number: it needs %n digit.</numerusform>
            <numerusform>That is not a full %s number: it needs %n digits.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>That is not a full number for %s: numbers there have %n digit(s).</source>
        <translation>
            <numerusform>That is not a full number for %s: numbers there have %n digit.</numerusform>
            <numerusform>That is not a full number for %s: numbers there have %n digits.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RefusalWords</name>
    <message numerus="yes">
        <source>The server did not accept this: %1 (and %n more problem(s)).</source>
        <translation>
            <numerusform>The server did not accept this: %1 (and %n more problem).</numerusform>
            <numerusform>The server did not accept this: %1 (and %n more problems).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The password must have at least %n character(s).</source>
        <translation>
            <numerusform>The password must have at least %n character.</numerusform>
            <numerusform>The password must have at least %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The password must have at most %n character(s).</source>
        <translation>
            <numerusform>The password must have at most %n character.</numerusform>
            <numerusform>The password must have at most %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScorecardDialog</name>
    <message numerus="yes">
        <source>%1, %2 to %3 (%4). Team median over %n advocate(s).</source>
        <translation>
            <numerusform>%1, %2 to %3 (%4). Team median over %n advocate.</numerusform>
            <numerusform>%1, %2 to %3 (%4). Team median over %n advocates.</numerusform>
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
    <name>SignInDialog</name>
    <message numerus="yes">
        <source>Too many attempts; try again in %n minute(s).</source>
        <translation>
            <numerusform>Too many attempts; try again in %n minute.</numerusform>
            <numerusform>Too many attempts; try again in %n minutes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignOutQuestion</name>
    <message numerus="yes">
        <source>%n change(s) not yet on the server would be lost.</source>
        <translation>
            <numerusform>%n change not yet on the server would be lost.</numerusform>
            <numerusform>%n changes not yet on the server would be lost.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SuggestionWords</name>
    <message numerus="yes">
        <source>%s by %n month(s)</source>
        <translation>
            <numerusform>%s by %n month</numerusform>
            <numerusform>%s by %n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>used %n time(s) for %s</source>
        <translation>
            <numerusform>used %n time for %s</numerusform>
            <numerusform>used %n times for %s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SuggestionsRow</name>
    <message numerus="yes">
        <source>Suggestion rules not used, %n problem(s) in the file: %s</source>
        <translation>
            <numerusform>Suggestion rules not used, %n problem in the file: %s</numerusform>
            <numerusform>Suggestion rules not used, %n problems in the file: %s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n for %1</source>
        <translation>
            <numerusform>%n for %1</numerusform>
            <numerusform>%n for %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n for other advocates</source>
        <translation>
            <numerusform>%n for other advocates</numerusform>
            <numerusform>%n for other advocates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet on the server</source>
        <translation>
            <numerusform>%n change not yet on the server</numerusform>
            <numerusform>%n changes not yet on the server</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed by someone else too: choose</source>
        <translation>
            <numerusform>%n changed by someone else too: choose</numerusform>
            <numerusform>%n changed by someone else too: choose</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused by the server</source>
        <translation>
            <numerusform>%n refused by the server</numerusform>
            <numerusform>%n refused by the server</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n saved by %1: sent when they sign in</source>
        <translation>
            <numerusform>%n saved by %1: sent when they sign in</numerusform>
            <numerusform>%n saved by %1: sent when they sign in</numerusform>
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
<context>
    <name>WhoseWork</name>
    <message numerus="yes">
        <source>%n change(s) saved on this computer by %1: sent when %1 signs in, never as yours.</source>
        <translation>
            <numerusform>%n change saved on this computer by %1: sent when %1 signs in, never as yours.</numerusform>
            <numerusform>%n changes saved on this computer by %1: sent when %1 signs in, never as yours.</numerusform>
        </translation>
    </message>
</context>
</TS>
