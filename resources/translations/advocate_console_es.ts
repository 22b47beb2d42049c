<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AdvocateSession</name>
    <message>
        <source>%s · %s</source>
        <translation>%s · %s</translation>
    </message>
</context>
<context>
    <name>AlsoOnCase</name>
    <message>
        <source>Others on this case</source>
        <translation>Otras personas en este caso</translation>
    </message>
    <message>
        <source>%1: open on their console (%2)</source>
        <translation>%1: lo tiene abierto en su consola (%2)</translation>
    </message>
    <message>
        <source>%1: changed it at %2</source>
        <translation>%1: lo cambió el %2</translation>
    </message>
    <message>
        <source>%s is also on this case.</source>
        <translation>%s también está en este caso.</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 y %2</translation>
    </message>
    <message>
        <source>%s are also on this case.</source>
        <translation>%s también están en este caso.</translation>
    </message>
    <message>
        <source>%1 changed it at %2.</source>
        <translation>%1 lo cambió el %2.</translation>
    </message>
    <message>
        <source>Talk first: only one resolution of a case stands.</source>
        <translation>Hable primero con ellos: solo queda en firme una resolución por caso.</translation>
    </message>
</context>
<context>
    <name>ApprovalWords</name>
    <message>
        <source>%s of your %s per case left</source>
        <translation>Le quedan %s de sus %s por caso</translation>
    </message>
    <message>
        <source>%s over your %s per case</source>
        <translation>%s por encima de sus %s por caso</translation>
    </message>
    <message>
        <source>%s this month</source>
        <translation>%s este mes</translation>
    </message>
    <message>
        <source>%s over what is left this month</source>
        <translation>%s por encima de lo que le queda este mes</translation>
    </message>
    <message numerus="yes">
        <source>warranty extension up to %n month(s)</source>
        <translation>
            <numerusform>extensión de garantía hasta %n mes</numerusform>
            <numerusform>extensión de garantía hasta %n meses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>this one is %n month(s)</source>
        <translation>
            <numerusform>esta es de %n mes</numerusform>
            <numerusform>esta es de %n meses</numerusform>
        </translation>
    </message>
    <message>
        <source>%s per case, this case is %s</source>
        <translation>%s por caso, este caso suma %s</translation>
    </message>
    <message>
        <source>refund without return up to %s, this one is %s</source>
        <translation>reembolso sin devolución hasta %s, este es de %s</translation>
    </message>
    <message>
        <source>gift certificate up to %s, this one is %s</source>
        <translation>certificado de regalo hasta %s, este es de %s</translation>
    </message>
    <message>
        <source>%s left this month, this case is %s</source>
        <translation>le quedan %s este mes, este caso suma %s</translation>
    </message>
    <message>
        <source>limit %s, this is %s</source>
        <translation>límite %s, esto es %s</translation>
    </message>
    <message>
        <source>Beyond your authority: %s.</source>
        <translation>Más allá de su autorización: %s.</translation>
    </message>
    <message numerus="yes">
        <source>%s by %n month(s)</source>
        <translation>
            <numerusform>%s por %n mes</numerusform>
            <numerusform>%s por %n meses</numerusform>
        </translation>
    </message>
    <message>
        <source>%s gift certificate</source>
        <translation>certificado de regalo de %s</translation>
    </message>
    <message>
        <source>a lead</source>
        <translation>un supervisor</translation>
    </message>
    <message>
        <source>Approved by %s %s</source>
        <translation>Aprobado por %s %s</translation>
    </message>
    <message>
        <source>Denied by %s %s</source>
        <translation>Denegado por %s %s</translation>
    </message>
    <message>
        <source>Waiting for a lead&apos;s approval (asked %s)</source>
        <translation>Esperando la aprobación de un supervisor (pedida %s)</translation>
    </message>
    <message>
        <source>: “%s”</source>
        <translation>: “%s”</translation>
    </message>
</context>
<context>
    <name>ApprovalsPanel</name>
    <message>
        <source>Approvals</source>
        <translation>Aprobaciones</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>Pedida</translation>
    </message>
    <message>
        <source>Advocate</source>
        <translation>Asesor</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Remedies</source>
        <translation>Soluciones</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation>Valor histórico</translation>
    </message>
    <message>
        <source>Requests waiting for a decision</source>
        <translation>Solicitudes que esperan una decisión</translation>
    </message>
    <message>
        <source>No requests are waiting for a decision.</source>
        <translation>Ninguna solicitud espera una decisión.</translation>
    </message>
    <message>
        <source>No requests waiting</source>
        <translation>Ninguna solicitud en espera</translation>
    </message>
    <message>
        <source>The chosen request</source>
        <translation>La solicitud elegida</translation>
    </message>
    <message>
        <source>Note to the advocate</source>
        <translation>Nota para el asesor</translation>
    </message>
    <message>
        <source>Note to the advocate (needed to deny)</source>
        <translation>Nota para el asesor (necesaria para denegar)</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Aprobar</translation>
    </message>
    <message>
        <source>Approve the chosen request (Ctrl+Enter)</source>
        <translation>Aprobar la solicitud elegida (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>Denegar</translation>
    </message>
    <message>
        <source>Deny the chosen request (Ctrl+Shift+D)</source>
        <translation>Denegar la solicitud elegida (Ctrl+Mayús+D)</translation>
    </message>
    <message>
        <source>What became of the decision</source>
        <translation>Qué pasó con la decisión</translation>
    </message>
    <message>
        <source>Approve the chosen request</source>
        <translation>Aprobar la solicitud elegida</translation>
    </message>
    <message>
        <source>Deny the chosen request</source>
        <translation>Denegar la solicitud elegida</translation>
    </message>
    <message>
        <source>The requests could not be read: %s</source>
        <translation>No se pudieron leer las solicitudes: %s</translation>
    </message>
    <message numerus="yes">
        <source>Approvals (%n waiting)</source>
        <translation>
            <numerusform>Aprobaciones (%n en espera)</numerusform>
            <numerusform>Aprobaciones (%n en espera)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Approvals</source>
        <translation>&amp;Aprobaciones</translation>
    </message>
    <message>
        <source>%s asks for %s on case %s of %s (lifetime value %s): “%s”</source>
        <translation>%s pide %s en el caso %s de %s (valor histórico %s): “%s”</translation>
    </message>
    <message>
        <source>Say why in the note: the advocate tells the customer.</source>
        <translation>Diga por qué en la nota: el asesor se lo explica al cliente.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Approved: %s&apos;s request for case %s.</source>
        <translation>Aprobada: la solicitud de %s para el caso %s.</translation>
    </message>
    <message>
        <source>Denied: %s&apos;s request for case %s.</source>
        <translation>Denegada: la solicitud de %s para el caso %s.</translation>
    </message>
    <message>
        <source>Already decided: %s. The list is up to date.</source>
        <translation>Ya decidida: %s. La lista está al día.</translation>
    </message>
    <message>
        <source>The request changed meanwhile: look at it again, then decide.</source>
        <translation>La solicitud cambió mientras tanto: revísela de nuevo y luego decida.</translation>
    </message>
    <message>
        <source>You may not decide this request: %s</source>
        <translation>Usted no puede decidir esta solicitud: %s</translation>
    </message>
    <message>
        <source>Not sent: the server cannot be reached. Try again in a moment.</source>
        <translation>No se envió: no se puede contactar al servidor. Inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>Not sent: you are signed out. Sign in, then decide again.</source>
        <translation>No se envió: su sesión está cerrada. Inicie sesión y vuelva a decidir.</translation>
    </message>
    <message>
        <source>Not sent: %s</source>
        <translation>No se envió: %s</translation>
    </message>
    <message>
        <source>Go to the approvals</source>
        <translation>Ir a las aprobaciones</translation>
    </message>
</context>
<context>
    <name>AskApprovalDialog</name>
    <message>
        <source>Ask a lead to approve</source>
        <translation>Pedir la aprobación de un supervisor</translation>
    </message>
    <message>
        <source>Remedies to approve</source>
        <translation>Soluciones por aprobar</translation>
    </message>
    <message>
        <source>Limits passed</source>
        <translation>Límites superados</translation>
    </message>
    <message>
        <source>&amp;Why should the customer have this? (the lead reads it)</source>
        <translation>¿&amp;Por qué debe recibir esto el cliente? (lo lee el supervisor)</translation>
    </message>
    <message>
        <source>Reason for the lead</source>
        <translation>Motivo para el supervisor</translation>
    </message>
    <message>
        <source>e.g. second unit of the same model failed; a loyal customer of 12 years</source>
        <translation>p. ej., falló una segunda unidad del mismo modelo; cliente fiel desde hace 12 años</translation>
    </message>
    <message>
        <source>Problem with the reason</source>
        <translation>Problema con el motivo</translation>
    </message>
    <message>
        <source>&amp;Send to a lead</source>
        <translation>&amp;Enviar a un supervisor</translation>
    </message>
    <message>
        <source>Say why: the lead decides on it.</source>
        <translation>Diga por qué: el supervisor decide con ello.</translation>
    </message>
    <message>
        <source>The reason is too long: shorten it.</source>
        <translation>El motivo es demasiado largo: acórtelo.</translation>
    </message>
    <message>
        <source>The request cannot be made: %s</source>
        <translation>No se puede hacer la solicitud: %s</translation>
    </message>
</context>
<context>
    <name>BridgeConference</name>
    <message>
        <source>No phone of yours to ring: set your phone in Settings ▸ Phone to speak in conferences.</source>
        <translation>No hay ningún teléfono suyo al que llamar: configure su teléfono en Configuración ▸ Teléfono para hablar en las conferencias.</translation>
    </message>
    <message>
        <source>The customer on screen has no number to call back.</source>
        <translation>El cliente en pantalla no tiene un número al cual devolverle la llamada.</translation>
    </message>
    <message>
        <source>No phone app takes %s: call %s yourself.</source>
        <translation>Ninguna aplicación de teléfono acepta %s: llame usted a %s.</translation>
    </message>
    <message>
        <source>Conference: %s</source>
        <translation>Conferencia: %s</translation>
    </message>
    <message>
        <source>Transfer the customer&apos;s call to %s: the conference is waiting for them.</source>
        <translation>Transfiera la llamada del cliente a %s: la conferencia lo está esperando.</translation>
    </message>
    <message>
        <source>The conference could not start: %s</source>
        <translation>No se pudo iniciar la conferencia: %s</translation>
    </message>
    <message>
        <source>Your conference is still going: picked up again.</source>
        <translation>Su conferencia sigue en curso: se retomó.</translation>
    </message>
    <message>
        <source>The conference bridge stopped: the call with %s was lost. Call them back from your phone.</source>
        <translation>El puente de conferencias se detuvo: se perdió la llamada con %s. Devuélvale la llamada desde su teléfono.</translation>
    </message>
    <message>
        <source>the customer</source>
        <translation>el cliente</translation>
    </message>
</context>
<context>
    <name>BrokenPage</name>
    <message>
        <source>Top failing models</source>
        <translation>Modelos con más fallas</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Marca</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Failure cases</source>
        <translation>Casos de falla</translation>
    </message>
    <message>
        <source>Repeat failures</source>
        <translation>Fallas repetidas</translation>
    </message>
    <message>
        <source>Remedy spend</source>
        <translation>Gasto</translation>
    </message>
    <message>
        <source>Unhappy</source>
        <translation>Insatisfechos</translation>
    </message>
    <message>
        <source>What went wrong</source>
        <translation>Qué salió mal</translation>
    </message>
    <message>
        <source>What is broken</source>
        <translation>Qué está fallando</translation>
    </message>
    <message>
        <source>Choose a model to see its cases.</source>
        <translation>Elija un modelo para ver sus casos.</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Failed before</source>
        <translation>Falló antes</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>Customer felt</source>
        <translation>El cliente quedó</translation>
    </message>
    <message>
        <source>The model&apos;s cases</source>
        <translation>Los casos del modelo</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) of %1 (%2): open one to put its customer on screen.</source>
        <translation>
            <numerusform>%n caso de %1 (%2): ábralo para poner a su cliente en pantalla.</numerusform>
            <numerusform>%n casos de %1 (%2): abra uno para poner a su cliente en pantalla.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the cases of %s…</source>
        <translation>Leyendo los casos de %s…</translation>
    </message>
</context>
<context>
    <name>CallPanel</name>
    <message>
        <source>&lt;b&gt;On the call&lt;/b&gt;</source>
        <translation>&lt;b&gt;En la llamada&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Join all</source>
        <translation>Unir a todos</translation>
    </message>
    <message>
        <source>Take everyone off hold: everyone hears everyone.</source>
        <translation>Quitar a todos de espera: todos se escuchan entre sí.</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Silenciar</translation>
    </message>
    <message>
        <source>Hang up all</source>
        <translation>Colgar a todos</translation>
    </message>
    <message>
        <source>No conference yet. Start one for the customer on screen, or click Call on the right: your phone rings first, then the bridge brings them in.</source>
        <translation>Todavía no hay conferencia. Inicie una para el cliente en pantalla, o haga clic en Llamar a la derecha: primero suena su teléfono y luego el puente conecta a los demás.</translation>
    </message>
    <message>
        <source>No call in the console: your phone app does the calling. Click Call on the right and mark how it went here.</source>
        <translation>No hay llamadas en la consola: su aplicación de teléfono hace las llamadas. Haga clic en Llamar a la derecha y anote aquí cómo fue.</translation>
    </message>
    <message>
        <source>No call yet. A customer&apos;s call rings in here; then click Call on the right to bring someone in.</source>
        <translation>Todavía no hay llamadas. La llamada de un cliente entra aquí; luego haga clic en Llamar a la derecha para conectar a alguien más.</translation>
    </message>
    <message>
        <source>● Phone registered</source>
        <translation>● Teléfono registrado</translation>
    </message>
    <message>
        <source>no answer from the SIP server</source>
        <translation>sin respuesta del servidor SIP</translation>
    </message>
    <message>
        <source>● Phone not registered</source>
        <translation>● Teléfono no registrado</translation>
    </message>
    <message>
        <source>The phone lost its registration (%s): new calls cannot reach you until it is back. Calls in progress go on.</source>
        <translation>El teléfono perdió su registro (%s): las llamadas nuevas no le llegarán hasta que se restablezca. Las llamadas en curso continúan.</translation>
    </message>
    <message>
        <source>Handed to your phone app</source>
        <translation>Enviado a su aplicación de teléfono</translation>
    </message>
    <message>
        <source>Asking first %s</source>
        <translation>Consultando primero %s</translation>
    </message>
    <message>
        <source>On hold %s</source>
        <translation>En espera %s</translation>
    </message>
    <message>
        <source>Connected %s</source>
        <translation>Conectado %s</translation>
    </message>
    <message>
        <source>Waiting for a free line on the bridge…</source>
        <translation>Esperando una línea libre en el puente…</translation>
    </message>
    <message>
        <source>Waiting for the transfer…</source>
        <translation>Esperando la transferencia…</translation>
    </message>
    <message>
        <source>Waiting for your phone…</source>
        <translation>Esperando su teléfono…</translation>
    </message>
    <message>
        <source>Lost: the bridge stopped</source>
        <translation>Perdida: el puente se detuvo</translation>
    </message>
    <message>
        <source>Dialing…</source>
        <translation>Marcando…</translation>
    </message>
    <message>
        <source>Ringing…</source>
        <translation>Timbrando…</translation>
    </message>
    <message>
        <source> · helped</source>
        <translation> · ayudó</translation>
    </message>
    <message>
        <source> · didn&apos;t help</source>
        <translation> · no ayudó</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Terminada</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Ocupado</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Sin respuesta</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Rechazada</translation>
    </message>
    <message>
        <source>Voicemail</source>
        <translation>Buzón de voz</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallida</translation>
    </message>
    <message>
        <source>Talked</source>
        <translation>Habló</translation>
    </message>
    <message>
        <source>Start conference</source>
        <translation>Iniciar conferencia</translation>
    </message>
    <message>
        <source>Your phone rings first; then the bridge brings the customer on screen in.</source>
        <translation>Primero suena su teléfono; luego el puente conecta al cliente en pantalla.</translation>
    </message>
    <message>
        <source>Call %s back</source>
        <translation>Devolver la llamada a %s</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Activar micrófono</translation>
    </message>
</context>
<context>
    <name>CallerBar</name>
    <message>
        <source>Caller&apos;s phone, name, e-mail, serial or case number</source>
        <translation>Teléfono, nombre, correo electrónico, número de serie o de caso del cliente</translation>
    </message>
    <message>
        <source>Caller search</source>
        <translation>Búsqueda de cliente</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Estado de la búsqueda</translation>
    </message>
    <message>
        <source>&amp;New caller…</source>
        <translation>&amp;Nuevo cliente…</translation>
    </message>
    <message>
        <source>Note a new caller</source>
        <translation>Registrar un cliente nuevo</translation>
    </message>
    <message>
        <source>Nobody matches: note the caller as a new customer</source>
        <translation>Nadie coincide: registre a la persona como cliente nuevo</translation>
    </message>
    <message>
        <source>Matching callers</source>
        <translation>Clientes que coinciden</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>No caller found</source>
        <translation>No se encontró ningún cliente</translation>
    </message>
    <message numerus="yes">
        <source>%n caller(s)</source>
        <translation>
            <numerusform>%n cliente</numerusform>
            <numerusform>%n clientes</numerusform>
        </translation>
    </message>
    <message>
        <source>Search failed: %s</source>
        <translation>La búsqueda falló: %s</translation>
    </message>
</context>
<context>
    <name>CallerSummary</name>
    <message>
        <source>No caller yet</source>
        <translation>Aún no hay cliente</translation>
    </message>
    <message>
        <source>Caller name</source>
        <translation>Nombre del cliente</translation>
    </message>
    <message>
        <source>Search for a caller by phone, name, e-mail or serial.</source>
        <translation>Busque a un cliente por teléfono, nombre, correo electrónico o número de serie.</translation>
    </message>
    <message>
        <source>Caller summary</source>
        <translation>Resumen del cliente</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>Datos de contacto</translation>
    </message>
    <message>
        <source>Repeat failure warning</source>
        <translation>Aviso de falla repetida</translation>
    </message>
    <message numerus="yes">
        <source>%s customer since %s · lifetime value %s · %n open case(s)</source>
        <translation>
            <numerusform>%s · cliente desde %s · valor de por vida %s · %n caso abierto</numerusform>
            <numerusform>%s · cliente desde %s · valor de por vida %s · %n casos abiertos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ Repeat failure: %s %s failed %n time(s)</source>
        <translation>
            <numerusform>⚠ Falla repetida: %s %s falló %n vez</numerusform>
            <numerusform>⚠ Falla repetida: %s %s falló %n veces</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CardEditor</name>
    <message>
        <source>Thank-you card</source>
        <translation>Tarjeta de agradecimiento</translation>
    </message>
    <message>
        <source>Card preview</source>
        <translation>Vista previa de la tarjeta</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Guardar borrador</translation>
    </message>
    <message>
        <source>Save and queue for printing</source>
        <translation>Guardar y poner en cola de impresión</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Thank-you card for %s</source>
        <translation>Tarjeta de agradecimiento para %s</translation>
    </message>
    <message>
        <source>%s has no postal address on their record, so the envelope cannot be addressed: add it to their record before the card is mailed.</source>
        <translation>%s no tiene dirección postal en su registro, así que no se puede rotular el sobre: agréguela a su registro antes de enviar la tarjeta.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>This card is being printed, so it cannot be changed now.</source>
        <translation>Esta tarjeta se está imprimiendo, así que no se puede cambiar ahora.</translation>
    </message>
    <message>
        <source>This card was cancelled. To change it, choose it in the queue and press Queue.</source>
        <translation>Esta tarjeta fue cancelada. Para cambiarla, selecciónela en la cola y presione Poner en cola.</translation>
    </message>
    <message>
        <source>This card is %1, so it cannot be changed. To change it, choose it in the queue and press Reprint.</source>
        <translation>Esta tarjeta está en estado “%1”, así que no se puede cambiar. Para cambiarla, selecciónela en la cola y presione Reimprimir.</translation>
    </message>
    <message>
        <source>Card for %s saved as a draft.</source>
        <translation>Tarjeta para %s guardada como borrador.</translation>
    </message>
    <message>
        <source>Card for %s saved and queued for printing.</source>
        <translation>Tarjeta para %s guardada y en cola de impresión.</translation>
    </message>
    <message>
        <source>Discard the changes?</source>
        <translation>¿Descartar los cambios?</translation>
    </message>
    <message>
        <source>Discard your changes to the card for %s?</source>
        <translation>¿Descartar sus cambios a la tarjeta para %s?</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Descartar cambios</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Seguir editando</translation>
    </message>
    <message>
        <source>The handwriting font of this card is missing on this computer: ask IT to install the console again. (%s)</source>
        <translation>Falta en esta computadora la letra manuscrita de esta tarjeta: pida a TI que vuelva a instalar la consola. (%s)</translation>
    </message>
</context>
<context>
    <name>CardLayout</name>
    <message>
        <source>%s has no postal address on their record, so the envelope cannot be addressed.</source>
        <translation>%s no tiene dirección postal en su registro, así que no se puede rotular el sobre.</translation>
    </message>
    <message>
        <source>The message uses %s, which this card has no value for.</source>
        <translation>El mensaje usa %s, que no tiene valor para esta tarjeta.</translation>
    </message>
    <message>
        <source>The signature “%s” does not fit the card.</source>
        <translation>La firma “%s” no cabe en la tarjeta.</translation>
    </message>
    <message>
        <source>A %s gift certificate for you · code %s</source>
        <translation>Un certificado de regalo de %s para usted · código %s</translation>
    </message>
    <message>
        <source>A %s gift certificate is on its way to you</source>
        <translation>Un certificado de regalo de %s va en camino</translation>
    </message>
    <message>
        <source>Your gift certificate code: %s</source>
        <translation>El código de su certificado de regalo: %s</translation>
    </message>
    <message>
        <source>The gift certificate line does not fit the %s.</source>
        <translation>La línea del certificado de regalo no cabe en la %s.</translation>
    </message>
    <message>
        <source>The address does not fit the %s envelope: %s</source>
        <translation>La dirección no cabe en el sobre %s: %s</translation>
    </message>
</context>
<context>
    <name>CardLayoutWords</name>
    <message numerus="yes">
        <source>The message is too long for the %1: even at the smallest size (%2 pt) about %n more line(s) would be needed. Shorten it or choose a bigger card.</source>
        <translation>
            <numerusform>El mensaje es demasiado largo para la %1: aun con el tamaño más pequeño (%2 pt) haría falta aproximadamente %n línea más. Acórtelo o elija una tarjeta más grande.</numerusform>
            <numerusform>El mensaje es demasiado largo para la %1: aun con el tamaño más pequeño (%2 pt) harían falta aproximadamente %n líneas más. Acórtelo o elija una tarjeta más grande.</numerusform>
        </translation>
    </message>
    <message>
        <source>This card uses the template “%1”, which this console does not have: choose another card, or ask IT to add it.</source>
        <translation>Esta tarjeta usa la plantilla “%1”, que esta consola no tiene: elija otra tarjeta o pida a TI que la agregue.</translation>
    </message>
    <message>
        <source>The message has a stray “{” or “}”: write {{ or }} for a brace.</source>
        <translation>El mensaje tiene una “{” o “}” suelta: escriba {{ o }} para una llave.</translation>
    </message>
    <message>
        <source>“%1” is not a merge field; fields look like {first_name}.</source>
        <translation>“%1” no es un campo de combinación; los campos se escriben así: {first_name}.</translation>
    </message>
    <message>
        <source>Unknown merge field %1. Known fields: %2</source>
        <translation>Campo de combinación desconocido: %1. Campos conocidos: %2</translation>
    </message>
</context>
<context>
    <name>CardPrinting</name>
    <message>
        <source>There is nothing to print.</source>
        <translation>No hay nada que imprimir.</translation>
    </message>
    <message>
        <source>The printer “%s” is not available on this computer.</source>
        <translation>La impresora “%s” no está disponible en esta computadora.</translation>
    </message>
    <message>
        <source>The printer “%s” cannot be printed to.</source>
        <translation>No se puede imprimir en la impresora “%s”.</translation>
    </message>
    <message>
        <source>The printer “%s” refused the job.</source>
        <translation>La impresora “%s” rechazó el trabajo.</translation>
    </message>
    <message>
        <source>Could not look at the printers: %s</source>
        <translation>No se pudieron revisar las impresoras: %s</translation>
    </message>
    <message>
        <source>No printer is set up: add one in your system&apos;s printer settings, or export to PDF.</source>
        <translation>No hay ninguna impresora configurada: agregue una en la configuración de impresoras del sistema, o exporte a PDF.</translation>
    </message>
    <message>
        <source>The print service (CUPS) is not running, so nothing can print: start it (or ask your IT department), or export to PDF.</source>
        <translation>El servicio de impresión (CUPS) no está en funcionamiento, así que no se puede imprimir nada: inícielo (o pídaselo a su departamento de TI), o exporte a PDF.</translation>
    </message>
    <message>
        <source>The card printer “%s” is not available on this computer: choose another printer when printing, or export to PDF.</source>
        <translation>La impresora de tarjetas “%s” no está disponible en esta computadora: elija otra impresora al imprimir, o exporte a PDF.</translation>
    </message>
    <message>
        <source>%s Cards sent to it stay in the queue.</source>
        <translation>%s Las tarjetas enviadas a ella se quedan en la cola.</translation>
    </message>
    <message>
        <source>Looking at the printers…</source>
        <translation>Revisando las impresoras…</translation>
    </message>
    <message numerus="yes">
        <source>Print %n card(s)</source>
        <translation>
            <numerusform>Imprimir %n tarjeta</numerusform>
            <numerusform>Imprimir %n tarjetas</numerusform>
        </translation>
    </message>
    <message>
        <source>No file was chosen, so nothing was saved.</source>
        <translation>No se eligió ningún archivo, así que no se guardó nada.</translation>
    </message>
    <message>
        <source>Thank-you cards</source>
        <translation>Tarjetas de agradecimiento</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) will stay in the queue: the printer holds %1 (set by your IT department).</source>
        <translation>
            <numerusform>%n tarjeta se quedará en la cola: la impresora tiene %1 (configurado por su departamento de TI).</numerusform>
            <numerusform>%n tarjetas se quedarán en la cola: la impresora tiene %1 (configurado por su departamento de TI).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) are not on the card stock in the printer, %1.</source>
        <translation>
            <numerusform>%n tarjeta no es del tipo de cartulina que hay en la impresora, %1.</numerusform>
            <numerusform>%n tarjetas no son del tipo de cartulina que hay en la impresora, %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cards print on “%s”: set by your IT department.</source>
        <translation>Las tarjetas se imprimen en “%s”: configurado por su departamento de TI.</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n card(s) to %1…</source>
        <translation>
            <numerusform>Enviando %n tarjeta a %1…</numerusform>
            <numerusform>Enviando %n tarjetas a %1…</numerusform>
        </translation>
    </message>
    <message>
        <source>Printing failed: %s</source>
        <translation>La impresión falló: %s</translation>
    </message>
    <message>
        <source>The card printer “%s” is not available on this computer.</source>
        <translation>La impresora de tarjetas “%s” no está disponible en esta computadora.</translation>
    </message>
    <message>
        <source>Save envelopes as PDF</source>
        <translation>Guardar sobres como PDF</translation>
    </message>
    <message>
        <source>Save cards as PDF</source>
        <translation>Guardar tarjetas como PDF</translation>
    </message>
    <message>
        <source>envelopes.pdf</source>
        <translation>sobres.pdf</translation>
    </message>
    <message>
        <source>cards.pdf</source>
        <translation>tarjetas.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF could not be written, so nothing was saved: %s</source>
        <translation>No se pudo escribir el PDF, así que no se guardó nada: %s</translation>
    </message>
    <message numerus="yes">
        <source>No PDF was written: the %n chosen card(s) cannot be laid out.</source>
        <translation>
            <numerusform>No se escribió ningún PDF: la %n tarjeta elegida no se puede diagramar.</numerusform>
            <numerusform>No se escribió ningún PDF: las %n tarjetas elegidas no se pueden diagramar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n envelope(s) saved to %1</source>
        <translation>
            <numerusform>%n sobre guardado en %1</numerusform>
            <numerusform>%n sobres guardados en %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) saved to %1</source>
        <translation>
            <numerusform>%n tarjeta guardada en %1</numerusform>
            <numerusform>%n tarjetas guardadas en %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left out:</source>
        <translation>
            <numerusform>%n omitida:</numerusform>
            <numerusform>%n omitidas:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CardQueuePanel</name>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>Regalo</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creada</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Show my cards</source>
        <translation>Mostrar mis tarjetas</translation>
    </message>
    <message>
        <source>Show the whole team&apos;s cards</source>
        <translation>Mostrar las tarjetas de todo el equipo</translation>
    </message>
    <message>
        <source>Show cards</source>
        <translation>Mostrar tarjetas</translation>
    </message>
    <message>
        <source>To print</source>
        <translation>Por imprimir</translation>
    </message>
    <message>
        <source>Printed, to mail</source>
        <translation>Impresas, por enviar</translation>
    </message>
    <message>
        <source>All cards</source>
        <translation>Todas las tarjetas</translation>
    </message>
    <message>
        <source>Card queue</source>
        <translation>Cola de tarjetas</translation>
    </message>
    <message>
        <source>Cards not shown</source>
        <translation>Tarjetas no mostradas</translation>
    </message>
    <message>
        <source>Print status</source>
        <translation>Estado de impresión</translation>
    </message>
    <message>
        <source>Why cards cannot print</source>
        <translation>Por qué no se pueden imprimir las tarjetas</translation>
    </message>
    <message>
        <source>Export to PDF…</source>
        <translation>Exportar a PDF…</translation>
    </message>
    <message>
        <source>Export the chosen cards to PDF instead</source>
        <translation>Exportar las tarjetas elegidas a PDF en su lugar</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>Vista previa de impresión…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exportar PDF…</translation>
    </message>
    <message>
        <source>Envelopes PDF…</source>
        <translation>PDF de sobres…</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Poner en cola</translation>
    </message>
    <message>
        <source>Cancel card</source>
        <translation>Cancelar tarjeta</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Reimprimir</translation>
    </message>
    <message>
        <source>Mark mailed</source>
        <translation>Marcar como enviada</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Could not load the card queue: %s</source>
        <translation>No se pudo cargar la cola de tarjetas: %s</translation>
    </message>
    <message numerus="yes">
        <source>Mine (%n)</source>
        <translation>
            <numerusform>Mías (%n)</numerusform>
            <numerusform>Mías (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Team (%n)</source>
        <translation>
            <numerusform>Equipo (%n)</numerusform>
            <numerusform>Equipo (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n old failed card(s) of others not shown (All cards shows them).</source>
        <translation>
            <numerusform>%n tarjeta fallida antigua de otras personas no se muestra (Todas las tarjetas la muestra).</numerusform>
            <numerusform>%n tarjetas fallidas antiguas de otras personas no se muestran (Todas las tarjetas las muestra).</numerusform>
        </translation>
    </message>
    <message>
        <source>You</source>
        <translation>Usted</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Nadie</translation>
    </message>
    <message>
        <source>⚠ No postal address: the envelope cannot be addressed</source>
        <translation>⚠ Sin dirección postal: no se puede rotular el sobre</translation>
    </message>
</context>
<context>
    <name>CardWriting</name>
    <message>
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Gift certificate</source>
        <translation>Certificado de regalo</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Dear {first_name}, …</source>
        <translation>Apreciable {first_name}: …</translation>
    </message>
    <message>
        <source>Gift certificate value</source>
        <translation>Valor del certificado de regalo</translation>
    </message>
    <message>
        <source>No gift</source>
        <translation>Sin regalo</translation>
    </message>
    <message>
        <source>Gift certificate code</source>
        <translation>Código del certificado de regalo</translation>
    </message>
    <message>
        <source>Insert field</source>
        <translation>Insertar campo</translation>
    </message>
    <message>
        <source>The customer&apos;s first name</source>
        <translation>El nombre de pila del cliente</translation>
    </message>
    <message>
        <source>The customer&apos;s last name</source>
        <translation>El apellido del cliente</translation>
    </message>
    <message>
        <source>The customer&apos;s name as on their record</source>
        <translation>El nombre del cliente como figura en su registro</translation>
    </message>
    <message>
        <source>The product the case was about, e.g. “Halvorsen over-the-range microwave”</source>
        <translation>El producto del caso, p. ej. “Halvorsen over-the-range microwave”</translation>
    </message>
    <message>
        <source>The product&apos;s model number</source>
        <translation>El número de modelo del producto</translation>
    </message>
    <message>
        <source>The case number the customer knows, e.g. C-7K2M9Q4X</source>
        <translation>El número de caso que conoce el cliente, p. ej. C-7K2M9Q4X</translation>
    </message>
    <message>
        <source>Your first name</source>
        <translation>Su nombre de pila</translation>
    </message>
    <message>
        <source>Your full name</source>
        <translation>Su nombre completo</translation>
    </message>
    <message>
        <source>The gift certificate&apos;s value, e.g. $25</source>
        <translation>El valor del certificado de regalo, p. ej. $25</translation>
    </message>
    <message>
        <source>The gift certificate&apos;s code</source>
        <translation>El código del certificado de regalo</translation>
    </message>
    <message>
        <source>The company name from the return address</source>
        <translation>El nombre de la empresa del remitente</translation>
    </message>
    <message>
        <source>The customer has no postal address</source>
        <translation>El cliente no tiene dirección postal</translation>
    </message>
    <message>
        <source>Why the card cannot be changed</source>
        <translation>Por qué no se puede cambiar la tarjeta</translation>
    </message>
    <message>
        <source>Why the card cannot print</source>
        <translation>Por qué no se puede imprimir la tarjeta</translation>
    </message>
</context>
<context>
    <name>CaseHeader</name>
    <message>
        <source>No caller yet</source>
        <translation>Aún no hay cliente</translation>
    </message>
    <message>
        <source>Current case</source>
        <translation>Caso actual</translation>
    </message>
    <message>
        <source>&amp;Open a new case</source>
        <translation>&amp;Abrir un caso nuevo</translation>
    </message>
    <message>
        <source>Open a new case</source>
        <translation>Abrir un caso nuevo</translation>
    </message>
    <message>
        <source>No open case for %s: choose the problem and open one.</source>
        <translation>No hay ningún caso abierto para %s: elija el problema y abra uno.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Case %s&lt;/b&gt; · %s · opened %s</source>
        <translation>&lt;b&gt;Caso %s&lt;/b&gt; · %s · abierto el %s</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>Cambiar contraseña</translation>
    </message>
    <message>
        <source>Your administrator set your password. Choose a new one to continue; only you will know it.</source>
        <translation>Su administrador le asignó esta contraseña. Elija una nueva para continuar; solo usted la sabrá.</translation>
    </message>
    <message>
        <source>Choose a new password. Other computers signed in as you sign out.</source>
        <translation>Elija una contraseña nueva. Su sesión se cerrará en las demás computadoras.</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters, and not a common password: a few words you will remember make a good one.</source>
        <translation>
            <numerusform>Al menos %n carácter, y que no sea una contraseña común: unas cuantas palabras que pueda recordar son una buena contraseña.</numerusform>
            <numerusform>Al menos %n caracteres, y que no sea una contraseña común: unas cuantas palabras que pueda recordar son una buena contraseña.</numerusform>
        </translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Contraseña actual</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Confirmar la contraseña nueva</translation>
    </message>
    <message>
        <source>Problem with the password</source>
        <translation>Problema con la contraseña</translation>
    </message>
    <message>
        <source>Password change status</source>
        <translation>Estado del cambio de contraseña</translation>
    </message>
    <message>
        <source>&amp;Current password</source>
        <translation>Contraseña &amp;actual</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>Contraseña &amp;nueva</translation>
    </message>
    <message>
        <source>New password &amp;again</source>
        <translation>&amp;Confirmar contraseña</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambiar</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>Escriba su contraseña actual.</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Las dos contraseñas nuevas no coinciden.</translation>
    </message>
    <message numerus="yes">
        <source>The new password needs at least %n characters.</source>
        <translation>
            <numerusform>La contraseña nueva necesita al menos %n carácter.</numerusform>
            <numerusform>La contraseña nueva necesita al menos %n caracteres.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The new password may have at most %n characters.</source>
        <translation>
            <numerusform>La contraseña nueva puede tener como máximo %n carácter.</numerusform>
            <numerusform>La contraseña nueva puede tener como máximo %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>That is one of the most common passwords; choose another.</source>
        <translation>Esa es una de las contraseñas más comunes; elija otra.</translation>
    </message>
    <message>
        <source>The new password must not be your user name.</source>
        <translation>La contraseña nueva no puede ser su nombre de usuario.</translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation>La contraseña actual no es correcta.</translation>
    </message>
    <message>
        <source>The server refused it: %s</source>
        <translation>El servidor la rechazó: %s</translation>
    </message>
    <message>
        <source>Your password was not changed: %s</source>
        <translation>Su contraseña no se cambió: %s</translation>
    </message>
    <message>
        <source>Changing your password…</source>
        <translation>Cambiando su contraseña…</translation>
    </message>
</context>
<context>
    <name>ChangesDialog</name>
    <message>
        <source>waiting to be sent</source>
        <translation>en espera de envío</translation>
    </message>
    <message>
        <source>changed by someone else too: choose</source>
        <translation>también lo cambió otra persona: elija</translation>
    </message>
    <message>
        <source>refused by the server</source>
        <translation>rechazado por el servidor</translation>
    </message>
    <message>
        <source>Changes not yet on the server</source>
        <translation>Cambios que aún no están en el servidor</translation>
    </message>
    <message>
        <source>What happened to your choices</source>
        <translation>Qué pasó con sus elecciones</translation>
    </message>
    <message>
        <source>Waiting changes</source>
        <translation>Cambios en espera</translation>
    </message>
    <message>
        <source>Why it waits</source>
        <translation>Por qué está en espera</translation>
    </message>
    <message>
        <source>Use &amp;mine for all</source>
        <translation>Usar todos los &amp;míos</translation>
    </message>
    <message>
        <source>Use &amp;theirs for all</source>
        <translation>Usar todos los de la o&amp;tra persona</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>&amp;Send my choices</source>
        <translation>&amp;Enviar mis elecciones</translation>
    </message>
    <message>
        <source>Send each field as you chose it (Enter)</source>
        <translation>Enviar cada campo como lo eligió (Intro)</translation>
    </message>
    <message>
        <source>Try &amp;again</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>Copy this change and the reason it waits</source>
        <translation>Copiar este cambio y el motivo de la espera</translation>
    </message>
    <message>
        <source>&amp;Discard my change…</source>
        <translation>&amp;Descartar mi cambio…</translation>
    </message>
    <message>
        <source>Sent: %s is on the server as you chose.</source>
        <translation>Enviado: %s está en el servidor como lo eligió.</translation>
    </message>
    <message>
        <source>%s changed on the server again: choose again.</source>
        <translation>%s cambió otra vez en el servidor: vuelva a elegir.</translation>
    </message>
    <message>
        <source>The server refused your choice for %s.</source>
        <translation>El servidor rechazó su elección para %s.</translation>
    </message>
    <message>
        <source>%s (new)</source>
        <translation>%s (nuevo registro)</translation>
    </message>
    <message>
        <source>saved by %s: sent when they sign in, never as yours</source>
        <translation>guardado por %s: se enviará cuando esa persona inicie sesión, nunca como suyo</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>otra persona</translation>
    </message>
    <message>
        <source>changed by %s too: choose</source>
        <translation>también lo cambió %s: elija</translation>
    </message>
    <message>
        <source>your choice, being sent</source>
        <translation>su elección, enviándose</translation>
    </message>
    <message>
        <source>Not on the server yet.</source>
        <translation>Aún no está en el servidor.</translation>
    </message>
    <message>
        <source>Someone else</source>
        <translation>Otra persona</translation>
    </message>
    <message>
        <source>%1 changed %2 on the server after you did: choose, field by field, what to keep.</source>
        <translation>%1 cambió %2 en el servidor después que usted: elija, campo por campo, qué conservar.</translation>
    </message>
    <message>
        <source>You took theirs for %s: nothing of yours is left to send.</source>
        <translation>Tomó el de la otra persona para %s: no queda nada suyo por enviar.</translation>
    </message>
    <message>
        <source>Your choice for %s is being sent…</source>
        <translation>Se está enviando su elección para %s…</translation>
    </message>
    <message>
        <source>Everything is on the server.</source>
        <translation>Todo está en el servidor.</translation>
    </message>
    <message>
        <source>Discard this change?</source>
        <translation>¿Descartar este cambio?</translation>
    </message>
    <message>
        <source>Your change will not reach the server and cannot be brought back.</source>
        <translation>Su cambio no llegará al servidor y no se podrá recuperar.</translation>
    </message>
</context>
<context>
    <name>Conference</name>
    <message>
        <source>%s has no SIP address, and no SIP domain is set to dial their number.</source>
        <translation>%s no tiene dirección SIP, y no hay ningún dominio SIP configurado para marcar su número.</translation>
    </message>
    <message>
        <source>Could not hand %s to your phone app: no phone app takes %s.</source>
        <translation>No se pudo enviar %s a su aplicación de teléfono: ninguna aplicación de teléfono acepta %s.</translation>
    </message>
    <message>
        <source>their address</source>
        <translation>su dirección</translation>
    </message>
    <message>
        <source>Could not call %s: “%s” is not a valid SIP address.</source>
        <translation>No se pudo llamar a %s: “%s” no es una dirección SIP válida.</translation>
    </message>
    <message>
        <source>Could not call %s: the host in “%s” is unknown.</source>
        <translation>No se pudo llamar a %s: el host de “%s” es desconocido.</translation>
    </message>
    <message>
        <source>%s is busy.</source>
        <translation>%s está ocupado.</translation>
    </message>
    <message>
        <source>%s did not answer.</source>
        <translation>%s no contestó.</translation>
    </message>
    <message>
        <source>%s declined the call.</source>
        <translation>%s rechazó la llamada.</translation>
    </message>
    <message>
        <source>The call to %s was cancelled.</source>
        <translation>Se canceló la llamada a %s.</translation>
    </message>
    <message>
        <source>Could not reach %s.</source>
        <translation>No se pudo comunicar con %s.</translation>
    </message>
    <message>
        <source>(SIP %d %s)</source>
        <translation>(SIP %d %s)</translation>
    </message>
    <message>
        <source>The customer is still on the line.</source>
        <translation>El cliente sigue en la línea.</translation>
    </message>
    <message>
        <source>The call attempt could not be saved: %s</source>
        <translation>No se pudo guardar el intento de llamada: %s</translation>
    </message>
</context>
<context>
    <name>ConferencePhone</name>
    <message>
        <source>This computer&apos;s phone has no microphone: conferences will ring your phone at %s.</source>
        <translation>El teléfono de esta computadora no tiene micrófono: las conferencias llamarán a su teléfono al %s.</translation>
    </message>
    <message>
        <source>This computer&apos;s phone has no microphone, and no other phone of yours is set: set one in Settings ▸ Phone to speak in conferences.</source>
        <translation>El teléfono de esta computadora no tiene micrófono, y no hay ningún otro teléfono suyo configurado: configure uno en Configuración ▸ Teléfono para hablar en las conferencias.</translation>
    </message>
    <message>
        <source>espeak-ng is not installed: the demo&apos;s phones answer with a tone instead of a spoken greeting (apt-get install espeak-ng).</source>
        <translation>espeak-ng no está instalado: los teléfonos de la demostración contestan con un tono en lugar de un saludo hablado (apt-get install espeak-ng).</translation>
    </message>
    <message>
        <source>The demo&apos;s conference bridge needs PJSIP (pip install advocate-console[sip]): Call hands numbers to your phone app instead.</source>
        <translation>El puente de conferencias de la demostración necesita PJSIP (pip install advocate-console[sip]): Llamar envía los números a su aplicación de teléfono en su lugar.</translation>
    </message>
    <message>
        <source>The demo&apos;s conference bridge did not start: see the log.</source>
        <translation>El puente de conferencias de la demostración no se inició: consulte el registro.</translation>
    </message>
</context>
<context>
    <name>ConflictView</name>
    <message>
        <source>Yours and theirs, field by field</source>
        <translation>El suyo y el de la otra persona, campo por campo</translation>
    </message>
    <message>
        <source>Theirs: %s</source>
        <translation>De la otra persona: %s</translation>
    </message>
    <message>
        <source>Theirs (on the server)</source>
        <translation>De la otra persona (en el servidor)</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Suyo</translation>
    </message>
    <message>
        <source>Keep yours</source>
        <translation>Conservar el suyo</translation>
    </message>
    <message>
        <source>Keep yours for %s</source>
        <translation>Conservar el suyo para %s</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Tomar el de la otra persona</translation>
    </message>
    <message>
        <source>Take theirs for %s</source>
        <translation>Tomar el de la otra persona para %s</translation>
    </message>
    <message>
        <source>Keep both (yours, then theirs)</source>
        <translation>Conservar ambos (el suyo y luego el de la otra persona)</translation>
    </message>
    <message>
        <source>Keep both for %s</source>
        <translation>Conservar ambos para %s</translation>
    </message>
    <message>
        <source>Read all…</source>
        <translation>Leer todo…</translation>
    </message>
    <message>
        <source>Read all of %s</source>
        <translation>Leer todo: %s</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <source>Opening the local store…</source>
        <translation>Abriendo el almacén local…</translation>
    </message>
    <message>
        <source>Cannot open the local store: %s</source>
        <translation>No se puede abrir el almacén local: %s</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Configuración guardada.</translation>
    </message>
    <message>
        <source>Online only: no local copy</source>
        <translation>Solo en línea: sin copia local</translation>
    </message>
    <message>
        <source>There is no secure keyring on this computer to keep the local copy&apos;s key, so the customer records are kept in memory only: copied from the server at each start, and gone when the console closes, unsynced changes with them.</source>
        <translation>Esta computadora no tiene un llavero seguro donde guardar la clave de la copia local, así que los registros de clientes se guardan solo en memoria: se copian del servidor en cada inicio y se pierden al cerrar la consola, junto con los cambios sin sincronizar.</translation>
    </message>
</context>
<context>
    <name>ConsoleApprovals</name>
    <message>
        <source>Case %s: %s</source>
        <translation>Caso %s: %s</translation>
    </message>
    <message>
        <source>%s asks a lead to approve %s on case %s</source>
        <translation>%s pide a un supervisor que apruebe %s en el caso %s</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) waiting for a lead&apos;s decision</source>
        <translation>
            <numerusform>%n solicitud esperando la decisión de un supervisor</numerusform>
            <numerusform>%n solicitudes esperando la decisión de un supervisor</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsoleStatusBar</name>
    <message>
        <source>Connection status</source>
        <translation>Estado de la conexión</translation>
    </message>
    <message>
        <source>Settings: %s</source>
        <translation>Configuración: %s</translation>
    </message>
    <message>
        <source> (and %d more: see the settings)</source>
        <translation> (y %d más: vea la configuración)</translation>
    </message>
    <message>
        <source>Someone else changed a record you changed: choose in the status bar.</source>
        <translation>Otra persona cambió un registro que usted cambió: elija en la barra de estado.</translation>
    </message>
    <message>
        <source>The microphone “%s” is not connected.</source>
        <translation>El micrófono “%s” no está conectado.</translation>
    </message>
    <message>
        <source>The speaker “%s” is not connected.</source>
        <translation>La bocina “%s” no está conectada.</translation>
    </message>
    <message>
        <source>A sound device would not open: %s.</source>
        <translation>No se pudo abrir un dispositivo de sonido: %s.</translation>
    </message>
    <message>
        <source>No sound device was found: calls have no sound on this computer.</source>
        <translation>No se encontró ningún dispositivo de sonido: las llamadas no tienen sonido en esta computadora.</translation>
    </message>
    <message>
        <source>The phone uses the system&apos;s default sound devices.</source>
        <translation>El teléfono usa los dispositivos de sonido predeterminados del sistema.</translation>
    </message>
</context>
<context>
    <name>CrossedPanel</name>
    <message>
        <source>Your resolution was not saved</source>
        <translation>Su resolución no se guardó</translation>
    </message>
    <message>
        <source>What the other advocate did</source>
        <translation>Lo que hizo el otro asesor</translation>
    </message>
    <message>
        <source>Your resolution, kept as a draft</source>
        <translation>Su resolución, guardada como borrador</translation>
    </message>
    <message>
        <source>Who may reopen the case</source>
        <translation>Quién puede reabrir el caso</translation>
    </message>
    <message>
        <source>&amp;Reopen and replace with mine…</source>
        <translation>Rea&amp;brir y usar la mía…</translation>
    </message>
    <message>
        <source>Keep mine as a &amp;note</source>
        <translation>Conser&amp;var como nota</translation>
    </message>
    <message>
        <source>Discard mine…</source>
        <translation>Descartar la mía…</translation>
    </message>
    <message>
        <source>Reopen the case and replace theirs with yours</source>
        <translation>Reabrir el caso y reemplazar la otra resolución con la suya</translation>
    </message>
    <message>
        <source>Keep yours as a note on the case</source>
        <translation>Conservar la suya como nota en el caso</translation>
    </message>
    <message>
        <source>Discard yours</source>
        <translation>Descartar la suya</translation>
    </message>
    <message>
        <source>Someone else</source>
        <translation>Otra persona</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not saved:&lt;/b&gt; %1 resolved case %2 first, at %3: %4.</source>
        <translation>&lt;b&gt;No se guardó:&lt;/b&gt; %1 resolvió primero el caso %2, el %3: %4.</translation>
    </message>
    <message>
        <source>Yours is kept as a draft: %s.</source>
        <translation>La suya se conserva como borrador: %s.</translation>
    </message>
    <message>
        <source>&amp;Send mine now</source>
        <translation>Enviar la mía a&amp;hora</translation>
    </message>
    <message>
        <source>The case was reopened by %s: yours can be sent now.</source>
        <translation>%s reabrió el caso: ya puede enviar la suya.</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>alguien</translation>
    </message>
    <message>
        <source>Theirs gave the customer remedies, so only a lead may reopen the case to replace it: ask %s or your lead. Once it is reopened, send yours from here.</source>
        <translation>La otra resolución le dio soluciones al cliente, así que solo un supervisor puede reabrir el caso para reemplazarla: pídaselo a %s o a su supervisor. Una vez reabierto, envíe la suya desde aquí.</translation>
    </message>
</context>
<context>
    <name>CupsWatch</name>
    <message>
        <source>out of paper</source>
        <translation>sin papel</translation>
    </message>
    <message>
        <source>a paper jam</source>
        <translation>un atasco de papel</translation>
    </message>
    <message>
        <source>switched off or offline</source>
        <translation>apagada o sin conexión</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pausa</translation>
    </message>
    <message>
        <source>a door open</source>
        <translation>una puerta abierta</translation>
    </message>
    <message>
        <source>the cover open</source>
        <translation>la tapa abierta</translation>
    </message>
    <message>
        <source>out of toner</source>
        <translation>sin tóner</translation>
    </message>
    <message>
        <source>out of ink</source>
        <translation>sin tinta</translation>
    </message>
    <message>
        <source>Printing can only be followed through CUPS on Linux.</source>
        <translation>Solo se puede dar seguimiento a la impresión mediante CUPS en Linux.</translation>
    </message>
    <message>
        <source>The print service (CUPS) is not running, so nothing was printed.</source>
        <translation>El servicio de impresión (CUPS) no está en funcionamiento, así que no se imprimió nada.</translation>
    </message>
    <message>
        <source>The print service (CUPS) failed: %s</source>
        <translation>El servicio de impresión (CUPS) falló: %s</translation>
    </message>
    <message>
        <source>The printer “%s” is not set up on this computer.</source>
        <translation>La impresora “%s” no está configurada en esta computadora.</translation>
    </message>
    <message>
        <source>The print service stopped while the cards were printing; check the printer before printing them again.</source>
        <translation>El servicio de impresión se detuvo mientras se imprimían las tarjetas; revise la impresora antes de volver a imprimirlas.</translation>
    </message>
    <message>
        <source>CUPS lost the print job: %s</source>
        <translation>CUPS perdió el trabajo de impresión: %s</translation>
    </message>
    <message>
        <source>The print job was cancelled.</source>
        <translation>Se canceló el trabajo de impresión.</translation>
    </message>
    <message>
        <source>The printer gave up on the job: %s</source>
        <translation>La impresora abandonó el trabajo: %s</translation>
    </message>
    <message>
        <source>The print job was stopped.</source>
        <translation>Se detuvo el trabajo de impresión.</translation>
    </message>
    <message>
        <source>The printer did not finish the job in time. %s</source>
        <translation>La impresora no terminó el trabajo a tiempo. %s</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>detenida</translation>
    </message>
    <message>
        <source>The printer “%s” is not printing (%s).</source>
        <translation>La impresora “%s” no está imprimiendo (%s).</translation>
    </message>
    <message>
        <source>The printer “%s” reports %s.</source>
        <translation>La impresora “%s” indica %s.</translation>
    </message>
    <message>
        <source>The printer “%s” is not accepting jobs.</source>
        <translation>La impresora “%s” no está aceptando trabajos.</translation>
    </message>
</context>
<context>
    <name>DemoServer</name>
    <message>
        <source>Joining the demo already running…</source>
        <translation>Uniéndose a la demostración en curso…</translation>
    </message>
    <message>
        <source>The demo data is new in this version: start the console again.</source>
        <translation>Los datos de demostración son nuevos en esta versión: vuelva a iniciar la consola.</translation>
    </message>
    <message>
        <source>Creating demo data (first run only)…</source>
        <translation>Creando los datos de demostración (solo la primera vez)…</translation>
    </message>
    <message>
        <source>Creating demo data: %d of %d customers…</source>
        <translation>Creando los datos de demostración: %d de %d clientes…</translation>
    </message>
    <message>
        <source>Starting the demo server…</source>
        <translation>Iniciando el servidor de demostración…</translation>
    </message>
    <message>
        <source>Starting the demo&apos;s conference bridge and phones…</source>
        <translation>Iniciando el puente de conferencias y los teléfonos de la demostración…</translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <source>Saving diagnostics for IT (this takes a few seconds)…</source>
        <translation>Guardando el diagnóstico para TI (tarda unos segundos)…</translation>
    </message>
    <message>
        <source>Diagnostics saved: %s</source>
        <translation>Diagnóstico guardado: %s</translation>
    </message>
    <message>
        <source>Diagnostics could not be saved: %s</source>
        <translation>No se pudo guardar el diagnóstico: %s</translation>
    </message>
</context>
<context>
    <name>DiagnosticsSaved</name>
    <message>
        <source>Diagnostics saved</source>
        <translation>Diagnóstico guardado</translation>
    </message>
    <message>
        <source>Diagnostics for your IT department are saved in:</source>
        <translation>El diagnóstico para su departamento de TI está guardado en:</translation>
    </message>
    <message>
        <source>%s

Send this file to your IT department. It holds no customer&apos;s data.</source>
        <translation>%s

Envíe este archivo a su departamento de TI. No contiene datos de ningún cliente.</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Abrir carpeta</translation>
    </message>
    <message>
        <source>Open the folder of the diagnostics file</source>
        <translation>Abrir la carpeta del archivo de diagnóstico</translation>
    </message>
</context>
<context>
    <name>DialOutPanel</name>
    <message>
        <source>&lt;b&gt;Bring someone in&lt;/b&gt;</source>
        <translation>&lt;b&gt;Conectar a alguien&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Search people, desks, skills, products…</source>
        <translation>Buscar personas, áreas, habilidades, productos…</translation>
    </message>
    <message>
        <source>Search resources</source>
        <translation>Buscar recursos</translation>
    </message>
    <message>
        <source>Available now</source>
        <translation>Disponibles ahora</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>Favoritos</translation>
    </message>
    <message>
        <source>Ask first</source>
        <translation>Consultar primero</translation>
    </message>
    <message>
        <source>Hold the customer while you talk to the resource alone; then join all.</source>
        <translation>Ponga al cliente en espera mientras habla a solas con el recurso; luego una a todos.</translation>
    </message>
    <message>
        <source>Call person %d of the list into the call</source>
        <translation>Conectar a la persona %d de la lista a la llamada</translation>
    </message>
    <message>
        <source>People to bring into the call, best first</source>
        <translation>Personas para conectar a la llamada, la mejor primero</translation>
    </message>
    <message>
        <source>Nobody matches “%s”.</source>
        <translation>Nadie coincide con “%s”.</translation>
    </message>
    <message>
        <source>No resources yet: they arrive with the next sync.</source>
        <translation>Aún no hay recursos: llegan con la próxima sincronización.</translation>
    </message>
    <message>
        <source>The list could not be read: %s</source>
        <translation>No se pudo leer la lista: %s</translation>
    </message>
    <message>
        <source>on shift</source>
        <translation>en turno</translation>
    </message>
    <message>
        <source>off hours</source>
        <translation>fuera de horario</translation>
    </message>
</context>
<context>
    <name>ErasedMessage</name>
    <message>
        <source>Local data erased</source>
        <translation>Datos locales borrados</translation>
    </message>
    <message>
        <source>This computer&apos;s copy of the customer records, your drafts and your card queue were erased.</source>
        <translation>Se borraron la copia de los registros de clientes de esta computadora, sus borradores y su cola de tarjetas.</translation>
    </message>
    <message>
        <source>Some files could not be removed (see the details); ask your IT department.</source>
        <translation>No se pudieron eliminar algunos archivos (vea los detalles); consulte a su departamento de TI.</translation>
    </message>
    <message>
        <source>The console starts afresh: sign in to continue.</source>
        <translation>La consola empieza de cero: inicie sesión para continuar.</translation>
    </message>
</context>
<context>
    <name>FollowUpCallDialog</name>
    <message>
        <source>Call with %s</source>
        <translation>Llamada con %s</translation>
    </message>
    <message>
        <source>How the follow-up call went</source>
        <translation>Cómo fue la llamada de seguimiento</translation>
    </message>
    <message>
        <source>How did the call with %s go?</source>
        <translation>¿Cómo fue la llamada con %s?</translation>
    </message>
    <message>
        <source>&amp;Reached them</source>
        <translation>&amp;Hablé con la persona</translation>
    </message>
    <message>
        <source>&amp;Left a message</source>
        <translation>&amp;Dejé un mensaje</translation>
    </message>
    <message>
        <source>&amp;No answer: call again</source>
        <translation>&amp;Sin respuesta: volver a llamar</translation>
    </message>
    <message>
        <source>When to call again</source>
        <translation>Cuándo volver a llamar</translation>
    </message>
    <message>
        <source>Note about the call</source>
        <translation>Nota sobre la llamada</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Nota (opcional)</translation>
    </message>
    <message>
        <source>Why the call cannot be logged</source>
        <translation>Por qué no se puede registrar la llamada</translation>
    </message>
    <message>
        <source>Log the call</source>
        <translation>Registrar la llamada</translation>
    </message>
    <message>
        <source>Choose when to call again.</source>
        <translation>Elija cuándo volver a llamar.</translation>
    </message>
    <message>
        <source>That time has passed: choose a later one.</source>
        <translation>Esa hora ya pasó: elija una más tarde.</translation>
    </message>
</context>
<context>
    <name>FollowUpSection</name>
    <message>
        <source>Schedule a &amp;follow-up call</source>
        <translation>Programar una llamada de &amp;seguimiento</translation>
    </message>
    <message>
        <source>Schedule a follow-up call</source>
        <translation>Programar una llamada de seguimiento</translation>
    </message>
    <message>
        <source>Follow-up date and time</source>
        <translation>Fecha y hora del seguimiento</translation>
    </message>
    <message>
        <source>Follow-up reason</source>
        <translation>Motivo del seguimiento</translation>
    </message>
    <message>
        <source>e.g. check the replacement arrived</source>
        <translation>p. ej., confirmar que llegó el reemplazo</translation>
    </message>
    <message>
        <source>Problem with the follow-up time</source>
        <translation>Problema con la hora del seguimiento</translation>
    </message>
    <message>
        <source>Problem with the follow-up reason</source>
        <translation>Problema con el motivo del seguimiento</translation>
    </message>
    <message>
        <source>&amp;At</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motivo</translation>
    </message>
    <message>
        <source>Send a &amp;thank-you card (drafted when you save)</source>
        <translation>Enviar una &amp;tarjeta de agradecimiento (se redacta al guardar)</translation>
    </message>
    <message>
        <source>Send a thank-you card</source>
        <translation>Enviar una tarjeta de agradecimiento</translation>
    </message>
</context>
<context>
    <name>FollowUpTable</name>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>(not synced yet)</source>
        <translation>(aún sin sincronizar)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Due and overdue follow-ups</source>
        <translation>Seguimientos vencidos y por vencer</translation>
    </message>
    <message>
        <source>%s, overdue</source>
        <translation>%s, vencido</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Usted</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Nadie</translation>
    </message>
    <message>
        <source>%s (case %s)</source>
        <translation>%s (caso %s)</translation>
    </message>
</context>
<context>
    <name>FollowUpsPanel</name>
    <message>
        <source>Follow-ups</source>
        <translation>Seguimientos</translation>
    </message>
    <message>
        <source>Follow-ups summary</source>
        <translation>Resumen de seguimientos</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Míos</translation>
    </message>
    <message>
        <source>Show my follow-ups</source>
        <translation>Mostrar mis seguimientos</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Show the whole team&apos;s follow-ups</source>
        <translation>Mostrar los seguimientos de todo el equipo</translation>
    </message>
    <message>
        <source>No follow-ups due</source>
        <translation>No hay seguimientos pendientes</translation>
    </message>
    <message>
        <source>Open call&amp;er</source>
        <translation>Abrir &amp;cliente</translation>
    </message>
    <message>
        <source>Open the caller of the chosen follow-up</source>
        <translation>Abrir el cliente del seguimiento elegido</translation>
    </message>
    <message>
        <source>Mar&amp;k done…</source>
        <translation>Marcar como &amp;hecho…</translation>
    </message>
    <message>
        <source>Log the call on the chosen follow-up</source>
        <translation>Registrar la llamada del seguimiento elegido</translation>
    </message>
    <message>
        <source>Say how the call went and log it (Ctrl+D)</source>
        <translation>Indique cómo fue la llamada y regístrela (Ctrl+D)</translation>
    </message>
    <message>
        <source>Refres&amp;h</source>
        <translation>Actuali&amp;zar</translation>
    </message>
    <message>
        <source>Read the follow-ups again</source>
        <translation>Volver a leer los seguimientos</translation>
    </message>
    <message>
        <source>Take back the call just logged</source>
        <translation>Deshacer la llamada recién registrada</translation>
    </message>
    <message>
        <source>Could not read the follow-ups: %s</source>
        <translation>No se pudieron leer los seguimientos: %s</translation>
    </message>
    <message numerus="yes">
        <source>Follow-ups · %n mine</source>
        <translation>
            <numerusform>Seguimientos · %n mío</numerusform>
            <numerusform>Seguimientos · %n míos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mine (%n)</source>
        <translation>
            <numerusform>Míos (%n)</numerusform>
            <numerusform>Míos (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Team (%n)</source>
        <translation>
            <numerusform>Equipo (%n)</numerusform>
            <numerusform>Equipo (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n vencido</numerusform>
            <numerusform>%n vencidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due soon</source>
        <translation>
            <numerusform>%n por vencer</numerusform>
            <numerusform>%n por vencer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing of yours is due. %n of the team&apos;s: see Team.</source>
        <translation>
            <numerusform>No tiene nada pendiente. %n del equipo: vea Equipo.</numerusform>
            <numerusform>No tiene nada pendiente. %n del equipo: vea Equipo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing due. Well done.</source>
        <translation>No hay nada pendiente. ¡Buen trabajo!</translation>
    </message>
    <message>
        <source>the customer</source>
        <translation>el cliente</translation>
    </message>
    <message>
        <source>Could not take the call back: %s</source>
        <translation>No se pudo deshacer la llamada: %s</translation>
    </message>
    <message>
        <source>No answer from %1: call again %2.</source>
        <translation>Sin respuesta de %1: volver a llamar %2.</translation>
    </message>
    <message>
        <source>Call with %1 logged: %2.</source>
        <translation>Llamada con %1 registrada: %2.</translation>
    </message>
    <message>
        <source>Taken back: nothing had been sent to the server.</source>
        <translation>Deshecho: no se había enviado nada al servidor.</translation>
    </message>
    <message>
        <source>Taken back: the correction goes to the server with the next sync.</source>
        <translation>Deshecho: la corrección se envía al servidor con la próxima sincronización.</translation>
    </message>
    <message>
        <source>That follow-up is no longer open; nothing was logged.</source>
        <translation>Ese seguimiento ya no está abierto; no se registró nada.</translation>
    </message>
    <message>
        <source>Could not log the call: %s</source>
        <translation>No se pudo registrar la llamada: %s</translation>
    </message>
</context>
<context>
    <name>FormAuthority</name>
    <message>
        <source>Authority left</source>
        <translation>Autorización disponible</translation>
    </message>
    <message>
        <source>Lead&apos;s approval</source>
        <translation>Aprobación del supervisor</translation>
    </message>
    <message>
        <source>Ask a lead to approve…</source>
        <translation>Pedir aprobación a un supervisor…</translation>
    </message>
    <message>
        <source>Save resolution</source>
        <translation>Guardar resolución</translation>
    </message>
    <message>
        <source>Change the remedies, or ask again.</source>
        <translation>Cambie las soluciones o vuelva a pedirlo.</translation>
    </message>
    <message>
        <source>The remedies now go beyond what was approved.</source>
        <translation>Las soluciones ahora van más allá de lo aprobado.</translation>
    </message>
    <message>
        <source>Waiting for a lead&apos;s approval; the request is sent when the connection is back.</source>
        <translation>Esperando la aprobación de un supervisor; la solicitud se envía cuando vuelva la conexión.</translation>
    </message>
    <message>
        <source>Waiting for a lead&apos;s approval; sending the request…</source>
        <translation>Esperando la aprobación de un supervisor; enviando la solicitud…</translation>
    </message>
    <message>
        <source>The request was refused: %s</source>
        <translation>La solicitud fue rechazada: %s</translation>
    </message>
    <message>
        <source>The request could not be kept: %s</source>
        <translation>No se pudo guardar la solicitud: %s</translation>
    </message>
    <message>
        <source>Waiting for a lead&apos;s approval.</source>
        <translation>Esperando la aprobación de un supervisor.</translation>
    </message>
</context>
<context>
    <name>FormDraft</name>
    <message>
        <source>Could not keep a draft: %s</source>
        <translation>No se pudo conservar un borrador: %s</translation>
    </message>
    <message>
        <source>Draft restored: carry on where you left off.</source>
        <translation>Borrador restaurado: continúe donde se quedó.</translation>
    </message>
</context>
<context>
    <name>FormResolved</name>
    <message>
        <source>Not saved (%1 resolved case %2 first): %3</source>
        <translation>No guardado (%1 resolvió antes el caso %2): %3</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>otra persona</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(nada)</translation>
    </message>
    <message>
        <source>What went wrong, as typed: %s</source>
        <translation>Lo que falló, tal como lo escribió: %s</translation>
    </message>
    <message>
        <source>What you typed is on case %s as a note.</source>
        <translation>Lo que usted escribió está en el caso %s como nota.</translation>
    </message>
    <message>
        <source>Discard what you typed?</source>
        <translation>¿Descartar lo que escribió?</translation>
    </message>
    <message>
        <source>What you typed on case %s was never saved and cannot be brought back.</source>
        <translation>Lo que usted escribió en el caso %s nunca se guardó y no se podrá recuperar.</translation>
    </message>
    <message>
        <source>What you typed on case %s is discarded.</source>
        <translation>Lo que usted escribió en el caso %s se ha descartado.</translation>
    </message>
    <message>
        <source>Not done: %s</source>
        <translation>No se hizo: %s</translation>
    </message>
</context>
<context>
    <name>FormSaving</name>
    <message>
        <source>Not saved: see the notes in red.</source>
        <translation>No se guardó: vea las notas en rojo.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Saved. Case %s is resolved.</source>
        <translation>Guardado. El caso %s está resuelto.</translation>
    </message>
    <message>
        <source>Resolution of case %s saved</source>
        <translation>Resolución del caso %s guardada</translation>
    </message>
    <message>
        <source>Could not save; your entries are kept: %s</source>
        <translation>No se pudo guardar; sus datos se conservan: %s</translation>
    </message>
</context>
<context>
    <name>HistoryDetails</name>
    <message>
        <source>someone else</source>
        <translation>otra persona</translation>
    </message>
    <message>
        <source>edited by %s at %s</source>
        <translation>editado por %s el %s</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>%s worth %s</source>
        <translation>%s por un valor de %s</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelto</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>Reemplazada</translation>
    </message>
    <message>
        <source>Remedies</source>
        <translation>Soluciones</translation>
    </message>
    <message>
        <source>Total cost</source>
        <translation>Costo total</translation>
    </message>
    <message>
        <source>Five steps</source>
        <translation>Cinco pasos</translation>
    </message>
    <message>
        <source>none ticked</source>
        <translation>ninguno marcado</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>%s by %s</source>
        <translation>%s por %s</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Reabierto</translation>
    </message>
    <message>
        <source>How it was resolved</source>
        <translation>Cómo se resolvió</translation>
    </message>
    <message>
        <source>On the timeline</source>
        <translation>En la cronología</translation>
    </message>
</context>
<context>
    <name>HistoryDetailsWords</name>
    <message numerus="yes">
        <source>%s by %n month(s)</source>
        <translation>
            <numerusform>%s por %n mes</numerusform>
            <numerusform>%s por %n meses</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Details of the chosen entry</source>
        <translation>Detalles de la entrada elegida</translation>
    </message>
    <message>
        <source>Choose an entry or a case to read all of it.</source>
        <translation>Elija una entrada o un caso para leerlo completo.</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>Purchased</source>
        <translation>Comprado</translation>
    </message>
    <message>
        <source>Warranty</source>
        <translation>Garantía</translation>
    </message>
    <message>
        <source>Warranty ends %s</source>
        <translation>La garantía termina el %s</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Productos</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creada</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casos</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Seguimientos</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Tarjetas</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Cronología</translation>
    </message>
    <message>
        <source>Cas&amp;es</source>
        <translation>Cas&amp;os</translation>
    </message>
    <message>
        <source>Follow-&amp;ups</source>
        <translation>Segui&amp;mientos</translation>
    </message>
    <message>
        <source>Car&amp;ds</source>
        <translation>&amp;Tarjetas</translation>
    </message>
    <message>
        <source>serial %s</source>
        <translation>serie %s</translation>
    </message>
    <message>
        <source>bought %s</source>
        <translation>comprado el %s</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>no warranty</source>
        <translation>sin garantía</translation>
    </message>
    <message numerus="yes">
        <source>expired %n day(s) ago</source>
        <translation>
            <numerusform>venció hace %n día</numerusform>
            <numerusform>venció hace %n días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>expired %n month(s) ago</source>
        <translation>
            <numerusform>venció hace %n mes</numerusform>
            <numerusform>venció hace %n meses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>expired %n year(s) ago</source>
        <translation>
            <numerusform>venció hace %n año</numerusform>
            <numerusform>venció hace %n años</numerusform>
        </translation>
    </message>
    <message>
        <source>active, ends today</source>
        <translation>vigente, termina hoy</translation>
    </message>
    <message numerus="yes">
        <source>active, ends in %n day(s)</source>
        <translation>
            <numerusform>vigente, termina en %n día</numerusform>
            <numerusform>vigente, termina en %n días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>active, ends in %n month(s)</source>
        <translation>
            <numerusform>vigente, termina en %n mes</numerusform>
            <numerusform>vigente, termina en %n meses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>active, ends in %n year(s)</source>
        <translation>
            <numerusform>vigente, termina en %n año</numerusform>
            <numerusform>vigente, termina en %n años</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolutions</source>
        <translation>Resoluciones</translation>
    </message>
    <message>
        <source>Delighted</source>
        <translation>Encantados</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>Satisfechos</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutrales</translation>
    </message>
    <message>
        <source>Unhappy</source>
        <translation>Insatisfechos</translation>
    </message>
    <message>
        <source>Delighted customers</source>
        <translation>Clientes encantados</translation>
    </message>
    <message>
        <source>All five steps taken</source>
        <translation>Los cinco pasos completos</translation>
    </message>
    <message>
        <source>Remedy spend</source>
        <translation>Gasto en soluciones</translation>
    </message>
    <message>
        <source>Remedy spend per case</source>
        <translation>Gasto en soluciones por caso</translation>
    </message>
    <message>
        <source>Remedy spend of lifetime value</source>
        <translation>Gasto en soluciones sobre el valor de por vida</translation>
    </message>
    <message>
        <source>Suggestions accepted</source>
        <translation>Sugerencias aceptadas</translation>
    </message>
    <message>
        <source>Suggestions dismissed</source>
        <translation>Sugerencias descartadas</translation>
    </message>
    <message>
        <source>Resolutions with a suggestion accepted</source>
        <translation>Resoluciones con una sugerencia aceptada</translation>
    </message>
    <message>
        <source>Repeat contacts</source>
        <translation>Contactos repetidos</translation>
    </message>
    <message>
        <source>Came back within 30 days</source>
        <translation>Volvieron en menos de 30 días</translation>
    </message>
    <message>
        <source>Follow-ups on time</source>
        <translation>Seguimientos a tiempo</translation>
    </message>
    <message>
        <source>Follow-ups late</source>
        <translation>Seguimientos con retraso</translation>
    </message>
    <message>
        <source>Follow-ups missed</source>
        <translation>Seguimientos omitidos</translation>
    </message>
    <message>
        <source>Cards sent</source>
        <translation>Tarjetas enviadas</translation>
    </message>
    <message>
        <source>Gift value</source>
        <translation>Valor en regalos</translation>
    </message>
    <message>
        <source>Conferences</source>
        <translation>Conferencias</translation>
    </message>
    <message>
        <source>People brought in</source>
        <translation>Personas conectadas</translation>
    </message>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>Último %n día</numerusform>
            <numerusform>Últimos %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Timeline entry</source>
        <translation>Entrada de la cronología</translation>
    </message>
    <message>
        <source>Person to call</source>
        <translation>Persona a quien llamar</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolución</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>Thank-you card</source>
        <translation>Tarjeta de agradecimiento</translation>
    </message>
    <message>
        <source>Call to a colleague</source>
        <translation>Llamada a un colega</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Remedies</source>
        <translation>Soluciones</translation>
    </message>
    <message>
        <source>Five steps</source>
        <translation>Cinco pasos</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sentido</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Gift code</source>
        <translation>Código de regalo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Why it failed</source>
        <translation>Por qué falló</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Impresa</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Teléfonos</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>Correos</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Purchased</source>
        <translation>Comprado</translation>
    </message>
    <message>
        <source>Warranty ends</source>
        <translation>Fin de la garantía</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Helped</source>
        <translation>Ayudó</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelto</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Llamada</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>Devolución de llamada</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <source>inbound</source>
        <translation>entrante</translation>
    </message>
    <message>
        <source>outbound</source>
        <translation>saliente</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>interna</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>teléfono</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>correo electrónico</translation>
    </message>
    <message>
        <source>chat</source>
        <translation>chat</translation>
    </message>
    <message>
        <source>letter</source>
        <translation>carta</translation>
    </message>
    <message>
        <source>social media</source>
        <translation>redes sociales</translation>
    </message>
    <message>
        <source>in store</source>
        <translation>en tienda</translation>
    </message>
    <message>
        <source>Proactive</source>
        <translation>Proactivo</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>Se habló con la persona</translation>
    </message>
    <message>
        <source>Left a message</source>
        <translation>Se dejó un mensaje</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Sin respuesta</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Imprimiéndose</translation>
    </message>
    <message>
        <source>Printed</source>
        <comment>a card</comment>
        <translation>Impresa</translation>
    </message>
    <message>
        <source>Mailed</source>
        <translation>Enviada por correo</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>a card</comment>
        <translation>Fallida</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>a card</comment>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Estándar</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Plata</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Oro</translation>
    </message>
    <message>
        <source>Platinum</source>
        <translation>Platino</translation>
    </message>
    <message>
        <source>delighted</source>
        <translation>encantado(a)</translation>
    </message>
    <message>
        <source>satisfied</source>
        <translation>satisfecho(a)</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>neutral</translation>
    </message>
    <message>
        <source>unhappy</source>
        <translation>insatisfecho(a)</translation>
    </message>
    <message>
        <source>Repair fee waived</source>
        <translation>Reparación sin cargo</translation>
    </message>
    <message>
        <source>Warranty extended</source>
        <translation>Garantía extendida</translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation>Reemplazo</translation>
    </message>
    <message>
        <source>Refund without return</source>
        <translation>Reembolso sin devolución</translation>
    </message>
    <message>
        <source>Account credit</source>
        <translation>Crédito a la cuenta</translation>
    </message>
    <message>
        <source>Gift certificate</source>
        <translation>Certificado de regalo</translation>
    </message>
    <message>
        <source>Information only</source>
        <translation>Solo información</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otra</translation>
    </message>
    <message>
        <source>Empathized</source>
        <translation>Mostró empatía</translation>
    </message>
    <message>
        <source>Took ownership</source>
        <translation>Asumió la responsabilidad</translation>
    </message>
    <message>
        <source>Lessened the inconvenience</source>
        <translation>Aminoró la molestia</translation>
    </message>
    <message>
        <source>Managed the memory</source>
        <translation>Cuidó el recuerdo</translation>
    </message>
    <message>
        <source>Extended the experience</source>
        <translation>Extendió la experiencia</translation>
    </message>
    <message>
        <source>Product failure</source>
        <translation>Falla del producto</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>Reparación</translation>
    </message>
    <message>
        <source>Warranty</source>
        <translation>Garantía</translation>
    </message>
    <message>
        <source>Wrong item returned</source>
        <translation>Se devolvió un artículo equivocado</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Entrega</translation>
    </message>
    <message>
        <source>Installation</source>
        <translation>Instalación</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Facturación</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>Piezas</translation>
    </message>
    <message>
        <source>Product question</source>
        <translation>Pregunta sobre un producto</translation>
    </message>
    <message>
        <source>New purchase</source>
        <translation>Compra nueva</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Queja</translation>
    </message>
    <message>
        <source>A card that is %1 cannot be edited: reprint it to change it.</source>
        <translation>Una tarjeta en estado “%1” no se puede editar: reimprímala para cambiarla.</translation>
    </message>
    <message>
        <source>The card for %2 is %1, so it cannot be marked %3.</source>
        <translation>La tarjeta para %2 está en estado “%1”, así que no se puede marcar como “%3”.</translation>
    </message>
</context>
<context>
    <name>LegRow</name>
    <message>
        <source>Your phone</source>
        <translation>Su teléfono</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Recurso</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Contestar</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Unir</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Poner en espera</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Helped</source>
        <translation>Ayudó</translation>
    </message>
    <message>
        <source>Didn&apos;t help</source>
        <translation>No ayudó</translation>
    </message>
    <message>
        <source>It was voicemail</source>
        <translation>Fue buzón de voz</translation>
    </message>
</context>
<context>
    <name>LockedValues</name>
    <message>
        <source>Your IT department locked the server address without giving one: signing in is not possible until IT sets it.</source>
        <translation>Su departamento de TI bloqueó la dirección del servidor sin indicar ninguna: no es posible iniciar sesión hasta que TI la configure.</translation>
    </message>
    <message>
        <source>Your IT department&apos;s CA bundle %s cannot be read on this computer: connections to the server will fail until IT fixes it.</source>
        <translation>El paquete de CA %s de su departamento de TI no se puede leer en esta computadora: las conexiones al servidor fallarán hasta que TI lo corrija.</translation>
    </message>
    <message>
        <source>Your IT department set dialling to the built-in phone, which this installation does not have: calls are handed to the system&apos;s phone app instead.</source>
        <translation>Su departamento de TI configuró las llamadas con el teléfono integrado, que esta instalación no tiene: las llamadas se envían a la aplicación de teléfono del sistema en su lugar.</translation>
    </message>
    <message>
        <source>Your IT department&apos;s card printer %s is not on this computer: cards cannot be printed until it is.</source>
        <translation>La impresora de tarjetas %s de su departamento de TI no está en esta computadora: no se pueden imprimir tarjetas hasta que lo esté.</translation>
    </message>
    <message>
        <source>Your IT department&apos;s card stock %s is not a card this version knows: cards drafted on it cannot be printed until IT fixes it.</source>
        <translation>El tipo de tarjeta %s de su departamento de TI no es uno que esta versión conozca: las tarjetas redactadas en él no se pueden imprimir hasta que TI lo corrija.</translation>
    </message>
    <message>
        <source>Your IT department&apos;s settings file cannot be used, so the server address is not known: %s. Ask IT to fix the file.</source>
        <translation>El archivo de configuración de su departamento de TI no se puede usar, así que no se conoce la dirección del servidor: %s. Pida a TI que corrija el archivo.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Advocate Console</source>
        <translation>Advocate Console</translation>
    </message>
    <message>
        <source>Opening the local store…</source>
        <translation>Abriendo el almacén local…</translation>
    </message>
    <message>
        <source>The call and the people to bring in appear once you are in.</source>
        <translation>La llamada y las personas para conectar aparecen cuando inicie sesión.</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>Estado de la conexión</translation>
    </message>
    <message>
        <source>Card queue</source>
        <translation>Cola de tarjetas</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Seguimientos</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>&amp;Iniciar sesión…</translation>
    </message>
    <message>
        <source>%s noted as a new customer</source>
        <translation>%s registrado(a) como cliente nuevo</translation>
    </message>
    <message>
        <source>&amp;Console</source>
        <translation>&amp;Consola</translation>
    </message>
    <message>
        <source>&amp;Find caller</source>
        <translation>&amp;Buscar cliente</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Sincronizar ahora</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Con&amp;figuración…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>C&amp;errar sesión</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>Cambiar &amp;contraseña…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>S&amp;alir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Follow-ups</source>
        <translation>&amp;Seguimientos</translation>
    </message>
    <message>
        <source>&amp;Card queue</source>
        <translation>&amp;Cola de tarjetas</translation>
    </message>
    <message>
        <source>&amp;Scoreboard</source>
        <translation>&amp;Marcador</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>Save &amp;diagnostics…</source>
        <translation>Guardar &amp;diagnóstico…</translation>
    </message>
</context>
<context>
    <name>MessageLine</name>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
</context>
<context>
    <name>MyScorePage</name>
    <message>
        <source>Counted from your resolutions on this computer: a resolution counts as soon as it is saved, offline too. The team medians come from the server.</source>
        <translation>Calculado con sus resoluciones en esta computadora: una resolución cuenta en cuanto se guarda, también sin conexión. Las medianas del equipo vienen del servidor.</translation>
    </message>
    <message>
        <source>This week (last 7 days)</source>
        <translation>Esta semana (últimos 7 días)</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Esta semana</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>Delight over time</source>
        <translation>Clientes encantados por semana</translation>
    </message>
    <message>
        <source>Remedy spend against delight, week by week</source>
        <translation>Gasto en soluciones frente a clientes encantados, semana a semana</translation>
    </message>
    <message>
        <source>Remedy spend against delight</source>
        <translation>Gasto en soluciones frente a clientes encantados</translation>
    </message>
    <message>
        <source>You: delighted customers</source>
        <translation>Usted: clientes encantados</translation>
    </message>
    <message>
        <source>Team median, last 30 days</source>
        <translation>Mediana del equipo, últimos 30 días</translation>
    </message>
    <message>
        <source>Delighted</source>
        <translation>Encantados</translation>
    </message>
    <message>
        <source>Your weeks</source>
        <translation>Sus semanas</translation>
    </message>
    <message>
        <source>Remedy spend per case</source>
        <translation>Gasto en soluciones por caso</translation>
    </message>
</context>
<context>
    <name>NewContactDialog</name>
    <message>
        <source>New caller</source>
        <translation>Cliente nuevo</translation>
    </message>
    <message>
        <source>Nobody in the records matches “%s”. Note the caller as a new customer:</source>
        <translation>Nadie en los registros coincide con “%s”. Registre a la persona como cliente nuevo:</translation>
    </message>
    <message>
        <source>Note the caller as a new customer:</source>
        <translation>Registre a la persona como cliente nuevo:</translation>
    </message>
    <message>
        <source>Problem with the name</source>
        <translation>Problema con el nombre</translation>
    </message>
    <message>
        <source>Problem with the phone</source>
        <translation>Problema con el teléfono</translation>
    </message>
    <message>
        <source>Problem with the e-mail</source>
        <translation>Problema con el correo electrónico</translation>
    </message>
    <message>
        <source>Problem with the address</source>
        <translation>Problema con la dirección</translation>
    </message>
    <message>
        <source>Problem with the product</source>
        <translation>Problema con el producto</translation>
    </message>
    <message>
        <source>Saving status</source>
        <translation>Estado del guardado</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>as the caller says it</source>
        <translation>como lo dice la persona</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>The caller</source>
        <translation>La persona que llama</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Teléfono</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;Correo electrónico</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Calle</translation>
    </message>
    <message>
        <source>Second address line</source>
        <translation>Segunda línea de la dirección</translation>
    </message>
    <message>
        <source>apartment, suite (if any)</source>
        <translation>departamento, suite (si hay)</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>ZIP code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <source>Postal address (for thank-you cards)</source>
        <translation>Dirección postal (para las tarjetas de agradecimiento)</translation>
    </message>
    <message>
        <source>S&amp;treet</source>
        <translation>Ca&amp;lle</translation>
    </message>
    <message>
        <source>Cit&amp;y</source>
        <translation>C&amp;iudad</translation>
    </message>
    <message>
        <source>St&amp;ate</source>
        <translation>Est&amp;ado</translation>
    </message>
    <message>
        <source>&amp;ZIP code</source>
        <translation>Código &amp;postal</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Marca</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>e.g. countertop microwave</source>
        <translation>p. ej., horno de microondas de mesa</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Número de serie</translation>
    </message>
    <message>
        <source>Purchase date</source>
        <translation>Fecha de compra</translation>
    </message>
    <message>
        <source>Warranty end</source>
        <translation>Fin de la garantía</translation>
    </message>
    <message>
        <source>The product they call about (optional)</source>
        <translation>El producto por el que llama (opcional)</translation>
    </message>
    <message>
        <source>Add the product they call about</source>
        <translation>Agregar el producto por el que llama</translation>
    </message>
    <message>
        <source>&amp;Brand</source>
        <translation>&amp;Marca</translation>
    </message>
    <message>
        <source>Pro&amp;duct</source>
        <translation>Pro&amp;ducto</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>Mod&amp;elo</translation>
    </message>
    <message>
        <source>&amp;Serial</source>
        <translation>&amp;Serie</translation>
    </message>
    <message>
        <source>P&amp;urchased</source>
        <translation>Fec&amp;ha de compra</translation>
    </message>
    <message>
        <source>&amp;Warranty ends</source>
        <translation>Fin de la &amp;garantía</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Could not save; what you typed is kept: %s</source>
        <translation>No se pudo guardar; lo que escribió se conserva: %s</translation>
    </message>
</context>
<context>
    <name>OutcomeSection</name>
    <message>
        <source>&amp;Delighted</source>
        <translation>&amp;Encantado(a)</translation>
    </message>
    <message>
        <source>&amp;Satisfied</source>
        <translation>&amp;Satisfecho(a)</translation>
    </message>
    <message>
        <source>Ne&amp;utral</source>
        <translation>Ne&amp;utral</translation>
    </message>
    <message>
        <source>Unhapp&amp;y</source>
        <translation>&amp;Insatisfecho(a)</translation>
    </message>
    <message>
        <source>How the customer felt at the end</source>
        <translation>Cómo se sintió el cliente al final</translation>
    </message>
    <message>
        <source>Problem with the outcome</source>
        <translation>Problema con el resultado</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
</context>
<context>
    <name>PeriodBox</name>
    <message>
        <source>You</source>
        <translation>Usted</translation>
    </message>
    <message>
        <source>Your usual</source>
        <translation>Lo habitual</translation>
    </message>
    <message>
        <source>Team median</source>
        <translation>Mediana del equipo</translation>
    </message>
</context>
<context>
    <name>PrintRun</name>
    <message>
        <source>This card is being printed already.</source>
        <translation>Esta tarjeta ya se está imprimiendo.</translation>
    </message>
    <message>
        <source>This card was cancelled: queue it again to print it.</source>
        <translation>Esta tarjeta fue cancelada: vuelva a ponerla en cola para imprimirla.</translation>
    </message>
    <message>
        <source>This card has been printed: use Reprint to print it again.</source>
        <translation>Esta tarjeta ya se imprimió: use Reimprimir para imprimirla de nuevo.</translation>
    </message>
    <message>
        <source>Nothing was printed</source>
        <translation>No se imprimió nada</translation>
    </message>
    <message>
        <source>This card is a %s; the printer holds %s (set by your IT department).</source>
        <translation>Esta tarjeta es una %s; la impresora tiene %s (configurado por su departamento de TI).</translation>
    </message>
    <message>
        <source>The printer “%s” is not available on this computer.</source>
        <translation>La impresora “%s” no está disponible en esta computadora.</translation>
    </message>
    <message>
        <source>The print job never reached the printer queue.</source>
        <translation>El trabajo de impresión nunca llegó a la cola de la impresora.</translation>
    </message>
    <message>
        <source>Printing job %d on %s…</source>
        <translation>Imprimiendo el trabajo %d en %s…</translation>
    </message>
    <message>
        <source>Thank-you cards</source>
        <translation>Tarjetas de agradecimiento</translation>
    </message>
</context>
<context>
    <name>PrintRunWords</name>
    <message numerus="yes">
        <source>%n card(s) printed</source>
        <translation>
            <numerusform>%n tarjeta impresa</numerusform>
            <numerusform>%n tarjetas impresas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) still in the queue</source>
        <translation>
            <numerusform>%n tarjeta sigue en la cola</numerusform>
            <numerusform>%n tarjetas siguen en la cola</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) failed</source>
        <translation>
            <numerusform>%n tarjeta falló</numerusform>
            <numerusform>%n tarjetas fallaron</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemLabels</name>
    <message>
        <source>Case %1 is already %2</source>
        <translation>El caso %1 ya está %2</translation>
    </message>
    <message>
        <source>Tick at least one remedy (“Information only” when nothing else was needed)</source>
        <translation>Marque al menos una solución («Solo información» cuando no se necesitó nada más)</translation>
    </message>
    <message>
        <source>Choose how the customer felt at the end</source>
        <translation>Elija cómo se sintió el cliente al final</translation>
    </message>
    <message>
        <source>Notes are too long (at most %1 characters)</source>
        <translation>Las notas son demasiado largas (máximo %1 caracteres)</translation>
    </message>
    <message>
        <source>Choose a time in the future</source>
        <translation>Elija una fecha y hora en el futuro</translation>
    </message>
    <message>
        <source>Say what the follow-up is for</source>
        <translation>Indique para qué es el seguimiento</translation>
    </message>
    <message>
        <source>The reason is too long</source>
        <translation>El motivo es demasiado largo</translation>
    </message>
    <message>
        <source>Enter the gift certificate&apos;s value</source>
        <translation>Escriba el valor del certificado de regalo</translation>
    </message>
    <message>
        <source>Enter what it cost</source>
        <translation>Escriba cuánto costó</translation>
    </message>
    <message>
        <source>Enter by how many months</source>
        <translation>Escriba por cuántos meses</translation>
    </message>
    <message>
        <source>Say what was done</source>
        <translation>Indique qué se hizo</translation>
    </message>
    <message>
        <source>Enter a phone number or an e-mail address</source>
        <translation>Escriba un número de teléfono o un correo electrónico</translation>
    </message>
    <message>
        <source>The warranty cannot end before the purchase</source>
        <translation>La garantía no puede terminar antes de la compra</translation>
    </message>
    <message>
        <source>Enter the state (for the envelope)</source>
        <translation>Escriba el estado (para el sobre)</translation>
    </message>
    <message>
        <source>“%1” is not a US state: type its two letters (OR) or its name (Oregon)</source>
        <translation>«%1» no es un estado de EE. UU.: escriba sus dos letras (OR) o su nombre (Oregon)</translation>
    </message>
    <message>
        <source>Enter the ZIP code (for the envelope)</source>
        <translation>Escriba el código postal (para el sobre)</translation>
    </message>
    <message>
        <source>“%1” is not a ZIP code: it has 5 digits, as 97201 or 97201-1234</source>
        <translation>«%1» no es un código postal: tiene 5 dígitos, como 97201 o 97201-1234</translation>
    </message>
    <message>
        <source>%1 is required</source>
        <translation>%1: este dato es obligatorio</translation>
    </message>
    <message>
        <source>%1 cannot be empty</source>
        <translation>%1: no puede quedar vacío</translation>
    </message>
    <message>
        <source>%1 needs at least one entry</source>
        <translation>%1: necesita al menos un elemento</translation>
    </message>
    <message>
        <source>%1 is too long (at most %2)</source>
        <translation>%1: es demasiado largo (máximo %2)</translation>
    </message>
    <message>
        <source>%1 must be a whole number</source>
        <translation>%1: debe ser un número entero</translation>
    </message>
    <message>
        <source>%1 must be %2 or more</source>
        <translation>%1: debe ser %2 o más</translation>
    </message>
    <message>
        <source>%1 must be %2 or less</source>
        <translation>%1: debe ser %2 o menos</translation>
    </message>
    <message>
        <source>%1: “%2” is not an e-mail address</source>
        <translation>%1: “%2” no es un correo electrónico</translation>
    </message>
    <message>
        <source>%1 is not a date</source>
        <translation>%1 no es una fecha</translation>
    </message>
    <message>
        <source>%1 is not in the expected form</source>
        <translation>%1 no tiene la forma esperada</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>What went wrong</source>
        <translation>Qué salió mal</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Costo</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>Meses</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Calle</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>ZIP code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Marca</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Número de serie</translation>
    </message>
    <message>
        <source>Warranty end</source>
        <translation>Fin de la garantía</translation>
    </message>
    <message numerus="yes">
        <source>That is not a full %s number: it needs %n digit(s).</source>
        <translation>
            <numerusform>Ese no es un número completo de %s: necesita %n dígito.</numerusform>
            <numerusform>Ese no es un número completo de %s: necesita %n dígitos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>That is not a full number for %s: numbers there have %n digit(s).</source>
        <translation>
            <numerusform>Ese no es un número completo para %s: los números de allí tienen %n dígito.</numerusform>
            <numerusform>Ese no es un número completo para %s: los números de allí tienen %n dígitos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter a phone number.</source>
        <translation>Escriba un número de teléfono.</translation>
    </message>
    <message>
        <source>That is too long to be a phone number.</source>
        <translation>Es demasiado largo para ser un número de teléfono.</translation>
    </message>
    <message>
        <source>That is too short to be a phone number.</source>
        <translation>Es demasiado corto para ser un número de teléfono.</translation>
    </message>
    <message>
        <source>That country code is not one I know: start with + and the country&apos;s code.</source>
        <translation>No reconozco ese código de país: empiece con + y el código del país.</translation>
    </message>
    <message>
        <source>That number has the wrong number of digits.</source>
        <translation>Ese número tiene una cantidad incorrecta de dígitos.</translation>
    </message>
    <message>
        <source>That does not look like a phone number.</source>
        <translation>Eso no parece un número de teléfono.</translation>
    </message>
    <message>
        <source>That address answers, but not as an Advocate Console server: check the address.</source>
        <translation>Esa dirección responde, pero no como un servidor de Advocate Console: revise la dirección.</translation>
    </message>
    <message>
        <source>Nothing answers at %1: the computer is there, but no server listens on that port. Check the address and its port, or whether the server is running.</source>
        <translation>Nada responde en %1: la computadora existe, pero ningún servidor escucha en ese puerto. Revise la dirección y su puerto, o si el servidor está en funcionamiento.</translation>
    </message>
    <message>
        <source>There is no computer called %1: check the address for a typo.</source>
        <translation>No hay ninguna computadora llamada %1: revise si la dirección tiene un error de escritura.</translation>
    </message>
    <message>
        <source>%1 cannot be reached (no route to it, or no answer in time): check your network and the address.</source>
        <translation>No se puede llegar a %1 (no hay ruta o no respondió a tiempo): revise su red y la dirección.</translation>
    </message>
    <message>
        <source>The connection to %1 cannot be made secure: its certificate is not trusted, or it does not speak https there. Check the address; if it is right, ask IT for the company&apos;s certificate.</source>
        <translation>La conexión con %1 no se puede hacer segura: su certificado no es de confianza, o no usa https en esa dirección. Revise la dirección; si es correcta, pida a TI el certificado de la empresa.</translation>
    </message>
    <message>
        <source>That address answers with a web page, not as an Advocate Console server: check the address (a Wi-Fi sign-in page or a proxy may also be in the way).</source>
        <translation>Esa dirección responde con una página web, no como un servidor de Advocate Console: revise la dirección (también puede estar en medio una página de acceso a Wi-Fi o un proxy).</translation>
    </message>
    <message>
        <source>The server at %1 has a problem: try again in a few minutes, or tell IT.</source>
        <translation>El servidor en %1 tiene un problema: vuelva a intentarlo en unos minutos, o avise a TI.</translation>
    </message>
</context>
<context>
    <name>ProblemSection</name>
    <message>
        <source>Issue category</source>
        <translation>Categoría del problema</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>What went wrong</source>
        <translation>Qué salió mal</translation>
    </message>
    <message>
        <source>Problem with the category</source>
        <translation>Problema con la categoría</translation>
    </message>
    <message>
        <source>Problem with what went wrong</source>
        <translation>Problema con lo que salió mal</translation>
    </message>
    <message>
        <source>The problem</source>
        <translation>El problema</translation>
    </message>
    <message>
        <source>Cate&amp;gory</source>
        <translation>Cate&amp;goría</translation>
    </message>
    <message>
        <source>&amp;Product</source>
        <translation>&amp;Producto</translation>
    </message>
    <message>
        <source>&amp;What went wrong</source>
        <translation>&amp;Qué salió mal</translation>
    </message>
    <message>
        <source>No particular product</source>
        <translation>Ningún producto en particular</translation>
    </message>
    <message>
        <source>Say what went wrong first: the case starts from it</source>
        <translation>Diga primero qué salió mal: el caso parte de ello</translation>
    </message>
</context>
<context>
    <name>PushedEvents</name>
    <message>
        <source>Call from %s ringing</source>
        <translation>Llamada de %s: timbrando</translation>
    </message>
    <message>
        <source>Call from %s answered</source>
        <translation>Llamada de %s: contestada</translation>
    </message>
    <message>
        <source>Call from %s not answered</source>
        <translation>Llamada de %s: no contestada</translation>
    </message>
    <message>
        <source>an unknown number</source>
        <translation>un número desconocido</translation>
    </message>
</context>
<context>
    <name>RankedResourceModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Desk and role</source>
        <translation>Área y función</translation>
    </message>
    <message>
        <source>Helped before</source>
        <translation>Ayudó antes</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
    <message>
        <source>%d× on this</source>
        <translation>%d× en esto</translation>
    </message>
    <message>
        <source>%d× for you</source>
        <translation>%d× para usted</translation>
    </message>
    <message>
        <source>%d× similar</source>
        <translation>%d× similar</translation>
    </message>
    <message>
        <source>knows this</source>
        <translation>conoce el tema</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>Off hours</source>
        <translation>Fuera de horario</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Llamar</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>sin dirección</translation>
    </message>
    <message>
        <source>Call %s (%s)</source>
        <translation>Llamar a %s (%s)</translation>
    </message>
    <message>
        <source>Star or unstar</source>
        <translation>Marcar o desmarcar como favorito</translation>
    </message>
    <message>
        <source>%s–%s, %s</source>
        <translation>%s–%s, %s</translation>
    </message>
    <message>
        <source>Tried %d times on this problem before.</source>
        <translation>Se intentó %d veces con este problema antes.</translation>
    </message>
</context>
<context>
    <name>ReasonWords</name>
    <message>
        <source>There is no such record on the server (%1 %2).</source>
        <translation>Ese registro no existe en el servidor (%1 %2).</translation>
    </message>
    <message>
        <source>That record (%1 %2) belongs to another customer.</source>
        <translation>Ese registro (%1 %2) pertenece a otro cliente.</translation>
    </message>
    <message>
        <source>The server already has a record with this id (%1 %2): it was not replaced.</source>
        <translation>El servidor ya tiene un registro con este identificador (%1 %2): no se reemplazó.</translation>
    </message>
    <message>
        <source>Only a lead or admin may add this (%1); %2.</source>
        <translation>Solo un supervisor o administrador puede agregar esto (%1); %2.</translation>
    </message>
    <message>
        <source>Only a lead or admin may change this (%1); %2.</source>
        <translation>Solo un supervisor o administrador puede cambiar esto (%1); %2.</translation>
    </message>
    <message>
        <source>You may change only what you wrote; this (%1) was written by %2. Ask them or a lead.</source>
        <translation>Solo puede cambiar lo que usted escribió; esto (%1) lo escribió %2. Pídaselo a esa persona o a un supervisor.</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>otra persona</translation>
    </message>
    <message>
        <source>You may change only your own cases and unassigned ones; %1 is %2&apos;s.</source>
        <translation>Solo puede cambiar sus propios casos y los que no tienen asignado a nadie; %1 es de %2.</translation>
    </message>
    <message>
        <source>You may reopen only your own cases and unassigned ones; %1 is %2&apos;s.</source>
        <translation>Solo puede reabrir sus propios casos y los que no tienen asignado a nadie; %1 es de %2.</translation>
    </message>
    <message>
        <source>Ask them or a lead.</source>
        <translation>Pídaselo a esa persona o a un supervisor.</translation>
    </message>
    <message>
        <source>Anyone may mark a follow-up done; only the advocate who wrote it (%1) or a lead may change its %2.</source>
        <translation>Cualquiera puede marcar un seguimiento como hecho; solo el asesor que lo escribió (%1) o un supervisor puede cambiar su %2.</translation>
    </message>
    <message>
        <source>Only a lead or admin may set %1; %2.</source>
        <translation>Solo un supervisor o administrador puede fijar %1; %2.</translation>
    </message>
    <message>
        <source>Case %1 is already resolved: %2 saved its resolution (%3). Reopen the case first to replace it.</source>
        <translation>El caso %1 ya está resuelto: %2 guardó su resolución (%3). Reabra primero el caso para reemplazarla.</translation>
    </message>
    <message>
        <source>Not sent: %1 resolved this case first; your resolution waits beside theirs.</source>
        <translation>No enviado: %1 resolvió este caso primero; su resolución espera junto a la de esa persona.</translation>
    </message>
    <message>
        <source>the record</source>
        <translation>el registro</translation>
    </message>
    <message>
        <source>Changed by someone else meanwhile: %1</source>
        <translation>Otra persona lo cambió mientras tanto: %1</translation>
    </message>
    <message>
        <source>it did not answer in time</source>
        <translation>no respondió a tiempo</translation>
    </message>
    <message>
        <source>no connection</source>
        <translation>sin conexión</translation>
    </message>
    <message>
        <source>the connection dropped mid-answer</source>
        <translation>la conexión se cortó a mitad de la respuesta</translation>
    </message>
    <message>
        <source>Cannot reach the central server at %1 (%2). Working offline.</source>
        <translation>No se puede conectar con el servidor central en %1 (%2). Trabajando sin conexión.</translation>
    </message>
    <message>
        <source>The certificate of the central server at %1 is not trusted: check the address, or ask IT for the company&apos;s certificate.</source>
        <translation>El certificado del servidor central en %1 no es de confianza: revise la dirección o pida a TI el certificado de la empresa.</translation>
    </message>
    <message>
        <source>You are signed out. Sign in to continue.</source>
        <translation>Su sesión está cerrada. Inicie sesión para continuar.</translation>
    </message>
    <message>
        <source>You are signed out. Sign in to see newer figures.</source>
        <translation>Su sesión está cerrada. Inicie sesión para ver cifras más recientes.</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again.</source>
        <translation>Su sesión terminó. Inicie sesión de nuevo.</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>La sincronización falló: %1</translation>
    </message>
    <message>
        <source>The server answered with a web page instead of data: a Wi-Fi sign-in page or a proxy may be in the way.</source>
        <translation>El servidor respondió con una página web en lugar de datos: puede estar en medio una página de acceso a Wi-Fi o un proxy.</translation>
    </message>
    <message>
        <source>The server&apos;s answer was not what was expected (%1).</source>
        <translation>La respuesta del servidor no fue la esperada (%1).</translation>
    </message>
    <message>
        <source>The server sent a record this console cannot read (%2). Sync stops here until that is fixed; nothing is lost.</source>
        <translation>El servidor envió un registro que esta consola no puede leer (%2). La sincronización se detiene aquí hasta que se corrija; no se pierde nada.</translation>
    </message>
    <message>
        <source>The approval it names is not on the server.</source>
        <translation>La aprobación que indica no está en el servidor.</translation>
    </message>
    <message>
        <source>Its approval is for another case.</source>
        <translation>Su aprobación es para otro caso.</translation>
    </message>
    <message>
        <source>Its approval still waits for a lead&apos;s answer.</source>
        <translation>Su aprobación aún espera la respuesta de un supervisor.</translation>
    </message>
    <message>
        <source>A lead denied its approval.</source>
        <translation>Un supervisor denegó su aprobación.</translation>
    </message>
    <message>
        <source>Its approval does not cover these remedies; ask a lead to approve them.</source>
        <translation>Su aprobación no cubre estas soluciones; pida a un supervisor que las apruebe.</translation>
    </message>
    <message>
        <source>Ask a lead to approve it.</source>
        <translation>Pida a un supervisor que lo apruebe.</translation>
    </message>
    <message>
        <source>The local copy was closed to be erased.</source>
        <translation>La copia local se cerró para borrarla.</translation>
    </message>
    <message>
        <source>The folder for the local copy (%1) cannot be made: %2</source>
        <translation>No se puede crear la carpeta de la copia local (%1): %2</translation>
    </message>
    <message>
        <source>The local copy (%1) cannot be read with the key in the keyring.</source>
        <translation>La copia local (%1) no se puede leer con la clave del llavero.</translation>
    </message>
    <message>
        <source>you are signed in as an advocate</source>
        <translation>usted inició sesión como asesor</translation>
    </message>
    <message>
        <source>you are signed in as a lead</source>
        <translation>usted inició sesión como supervisor</translation>
    </message>
    <message>
        <source>you are signed in as an admin</source>
        <translation>usted inició sesión como administrador</translation>
    </message>
</context>
<context>
    <name>RefusalWords</name>
    <message>
        <source>Another lead</source>
        <translation>Otro supervisor</translation>
    </message>
    <message>
        <source>%1 already approved this request.</source>
        <translation>%1 ya aprobó esta solicitud.</translation>
    </message>
    <message>
        <source>%1 already denied this request.</source>
        <translation>%1 ya rechazó esta solicitud.</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 o %2</translation>
    </message>
    <message>
        <source>Only %1 may do this; %2.</source>
        <translation>Solo %1 puede hacer esto; %2.</translation>
    </message>
    <message>
        <source>There is no case with id %1 on the server.</source>
        <translation>No hay ningún caso con el id %1 en el servidor.</translation>
    </message>
    <message>
        <source>There is no case with id %1 on the server (yet): sync, then try again.</source>
        <translation>No hay ningún caso con el id %1 en el servidor (todavía): sincronice y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>An approval with id %1 exists already; use a new id.</source>
        <translation>Ya existe una aprobación con el id %1; use un id nuevo.</translation>
    </message>
    <message>
        <source>There is no approval with id %1.</source>
        <translation>No hay ninguna aprobación con el id %1.</translation>
    </message>
    <message>
        <source>An advocate sees only their own requests for approval.</source>
        <translation>Un asesor solo ve sus propias solicitudes de aprobación.</translation>
    </message>
    <message>
        <source>You cannot decide your own request; another lead must.</source>
        <translation>No puede decidir su propia solicitud; debe hacerlo otro supervisor.</translation>
    </message>
    <message>
        <source>This request changed since you read it: look at it again, then decide.</source>
        <translation>Esta solicitud cambió desde que la leyó: revísela de nuevo y luego decida.</translation>
    </message>
    <message>
        <source>That conference is not on the server.</source>
        <translation>Esa conferencia no está en el servidor.</translation>
    </message>
    <message>
        <source>This is %1&apos;s conference, not yours.</source>
        <translation>Esta conferencia es de %1, no suya.</translation>
    </message>
    <message>
        <source>This conference has ended.</source>
        <translation>Esta conferencia ha terminado.</translation>
    </message>
    <message>
        <source>The bridge holding this conference has stopped.</source>
        <translation>El puente que mantiene esta conferencia se ha detenido.</translation>
    </message>
    <message>
        <source>No conference bridge is running; ask IT to start one.</source>
        <translation>No hay ningún puente de conferencias en marcha; pida a TI que inicie uno.</translation>
    </message>
    <message>
        <source>That party is no longer in this conference.</source>
        <translation>Esa persona ya no está en esta conferencia.</translation>
    </message>
    <message>
        <source>This party&apos;s line has ended: it can no longer be held, muted or joined.</source>
        <translation>La línea de esta persona ha terminado: ya no se puede poner en espera, silenciar ni unir.</translation>
    </message>
    <message>
        <source>There is no one to add with id %1.</source>
        <translation>No hay nadie que añadir con el id %1.</translation>
    </message>
    <message>
        <source>%1 has no phone number or SIP address.</source>
        <translation>%1 no tiene número de teléfono ni dirección SIP.</translation>
    </message>
    <message>
        <source>Your administrator set your password: choose a new one first (Console ▸ Change password…).</source>
        <translation>Su administrador fijó su contraseña: elija primero una nueva (Consola ▸ Cambiar contraseña…).</translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation>La contraseña actual no es correcta.</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>La contraseña nueva debe ser distinta de la actual.</translation>
    </message>
    <message>
        <source>That user name and password do not match. Try again.</source>
        <translation>El nombre de usuario y la contraseña no coinciden. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>This account has been disabled; ask your administrator.</source>
        <translation>Esta cuenta ha sido desactivada; consulte a su administrador.</translation>
    </message>
    <message>
        <source>An administrator signed this account out everywhere and ordered this computer&apos;s copy erased.</source>
        <translation>Un administrador cerró la sesión de esta cuenta en todas partes y ordenó borrar la copia de este equipo.</translation>
    </message>
    <message>
        <source>You were signed out. Sign in again.</source>
        <translation>Se cerró su sesión. Inicie sesión de nuevo.</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Sign in again.</source>
        <translation>Su sesión ha caducado. Inicie sesión de nuevo.</translation>
    </message>
    <message>
        <source>The server did not accept this: %1.</source>
        <translation>El servidor no aceptó esto: %1.</translation>
    </message>
    <message numerus="yes">
        <source>The server did not accept this: %1 (and %n more problem(s)).</source>
        <translation>
            <numerusform>El servidor no aceptó esto: %1 (y %n problema más).</numerusform>
            <numerusform>El servidor no aceptó esto: %1 (y %n problemas más).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The password must have at least %n character(s).</source>
        <translation>
            <numerusform>La contraseña debe tener al menos %n carácter.</numerusform>
            <numerusform>La contraseña debe tener al menos %n caracteres.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The password must have at most %n character(s).</source>
        <translation>
            <numerusform>La contraseña debe tener como máximo %n carácter.</numerusform>
            <numerusform>La contraseña debe tener como máximo %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>That password is one of the most common ones; choose another.</source>
        <translation>Esa contraseña es una de las más comunes; elija otra.</translation>
    </message>
    <message>
        <source>The password must not be the user name.</source>
        <translation>La contraseña no debe ser el nombre de usuario.</translation>
    </message>
    <message>
        <source>you are signed in as an advocate</source>
        <translation>usted inició sesión como asesor</translation>
    </message>
    <message>
        <source>you are signed in as a lead</source>
        <translation>usted inició sesión como supervisor</translation>
    </message>
    <message>
        <source>you are signed in as an admin</source>
        <translation>usted inició sesión como administrador</translation>
    </message>
    <message>
        <source>an advocate</source>
        <translation>un asesor</translation>
    </message>
    <message>
        <source>a lead</source>
        <translation>un supervisor</translation>
    </message>
    <message>
        <source>an admin</source>
        <translation>un administrador</translation>
    </message>
</context>
<context>
    <name>RemediesSection</name>
    <message>
        <source>Re&amp;medies</source>
        <translation>Solu&amp;ciones</translation>
    </message>
    <message>
        <source>Problem with the remedies</source>
        <translation>Problema con las soluciones</translation>
    </message>
    <message>
        <source>Total cost</source>
        <translation>Costo total</translation>
    </message>
    <message>
        <source>Total cost: %s</source>
        <translation>Costo total: %s</translation>
    </message>
</context>
<context>
    <name>RemedyRow</name>
    <message>
        <source>months</source>
        <translation>meses</translation>
    </message>
    <message>
        <source> months</source>
        <translation> meses</translation>
    </message>
    <message>
        <source>Months the warranty is extended by</source>
        <translation>Meses por los que se extiende la garantía</translation>
    </message>
    <message>
        <source>value $</source>
        <translation>valor $</translation>
    </message>
    <message>
        <source>value</source>
        <translation>valor</translation>
    </message>
    <message>
        <source>Gift certificate value</source>
        <translation>Valor del certificado de regalo</translation>
    </message>
    <message>
        <source>what was done</source>
        <translation>qué se hizo</translation>
    </message>
    <message>
        <source>What else was done</source>
        <translation>Qué más se hizo</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>costo</translation>
    </message>
    <message>
        <source>Cost of %s</source>
        <translation>Costo de %s</translation>
    </message>
    <message>
        <source>Problem with %s</source>
        <translation>Problema con %s</translation>
    </message>
</context>
<context>
    <name>ResolutionForm</name>
    <message>
        <source>Save the resolution</source>
        <translation>Guardar la resolución</translation>
    </message>
    <message>
        <source>Schedule a follow-up</source>
        <translation>Programar un seguimiento</translation>
    </message>
    <message>
        <source>Suggestion rules not used: %s</source>
        <translation>No se usan las reglas de sugerencias: %s</translation>
    </message>
    <message>
        <source>Resolution form</source>
        <translation>Formulario de resolución</translation>
    </message>
    <message>
        <source>Could not open a case: %s</source>
        <translation>No se pudo abrir un caso: %s</translation>
    </message>
</context>
<context>
    <name>ResolvedPanel</name>
    <message>
        <source>Who resolved this case</source>
        <translation>Quién resolvió este caso</translation>
    </message>
    <message>
        <source>Who resolved this case, when and how</source>
        <translation>Quién resolvió este caso, cuándo y cómo</translation>
    </message>
    <message>
        <source>What you typed, kept</source>
        <translation>Lo que usted escribió, conservado</translation>
    </message>
    <message>
        <source>&amp;Keep mine as a note</source>
        <translation>Conservar &amp;lo mío como nota</translation>
    </message>
    <message>
        <source>Add what you typed to the case as a note</source>
        <translation>Agregar lo que usted escribió al caso como nota</translation>
    </message>
    <message>
        <source>Discard mine…</source>
        <translation>Descartar lo mío…</translation>
    </message>
    <message>
        <source>Discard what you typed</source>
        <translation>Descartar lo que usted escribió</translation>
    </message>
    <message>
        <source>Case %s was resolved on another console.</source>
        <translation>El caso %s se resolvió en otra consola.</translation>
    </message>
    <message>
        <source>%1 resolved this case at %2 (%3).</source>
        <translation>%1 resolvió este caso el %2 (%3).</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Alguien</translation>
    </message>
    <message>
        <source>What you typed was not saved and is kept: %s. Add it to the case as a note, or discard it.</source>
        <translation>Lo que usted escribió no se guardó y se conserva: %s. Agréguelo al caso como nota o descártelo.</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(nada)</translation>
    </message>
    <message>
        <source>What went wrong, as you wrote it, too.</source>
        <translation>También lo que falló, tal como usted lo escribió.</translation>
    </message>
    <message>
        <source>customer %s</source>
        <translation>cliente %s</translation>
    </message>
</context>
<context>
    <name>ResourcesPage</name>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Área</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Brought in</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Helped</source>
        <translation>Ayudó</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casos</translation>
    </message>
    <message>
        <source>Ended delighted</source>
        <translation>Terminaron encantados</translation>
    </message>
    <message>
        <source>Who was brought into calls</source>
        <translation>A quién se conectó a las llamadas</translation>
    </message>
</context>
<context>
    <name>SaveBar</name>
    <message>
        <source>Resolution status</source>
        <translation>Estado de la resolución</translation>
    </message>
    <message>
        <source>Save resolution</source>
        <translation>Guardar resolución</translation>
    </message>
    <message>
        <source>Save the resolution (Ctrl+S); works offline</source>
        <translation>Guardar la resolución (Ctrl+S); funciona sin conexión</translation>
    </message>
</context>
<context>
    <name>ScoreboardStart</name>
    <message>
        <source>Sign in to see the scoreboard.</source>
        <translation>Inicie sesión para ver el marcador.</translation>
    </message>
</context>
<context>
    <name>ScoreboardWindow</name>
    <message>
        <source>Scoreboard · %s</source>
        <translation>Marcador · %s</translation>
    </message>
    <message>
        <source>My score</source>
        <translation>Mis resultados</translation>
    </message>
    <message>
        <source>The team</source>
        <translation>El equipo</translation>
    </message>
    <message>
        <source>What is broken</source>
        <translation>Qué está fallando</translation>
    </message>
    <message>
        <source>Who helps</source>
        <translation>Quién ayuda</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Período</translation>
    </message>
    <message>
        <source>Scoreboard</source>
        <translation>Marcador</translation>
    </message>
    <message>
        <source>Period </source>
        <translation>Período </translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Export table as &amp;CSV…</source>
        <translation>Exportar tabla a &amp;CSV…</translation>
    </message>
    <message>
        <source>Weekly &amp;summary (PDF)…</source>
        <translation>&amp;Resumen semanal (PDF)…</translation>
    </message>
    <message>
        <source>%s has no sign-in on this server, so there is no scorecard to open.</source>
        <translation>%s no tiene cuenta en este servidor, así que no hay resultados que abrir.</translation>
    </message>
    <message>
        <source>The server shows this only to leads: %s</source>
        <translation>El servidor solo les muestra esto a los supervisores: %s</translation>
    </message>
    <message>
        <source>There is no copy of this report on this computer yet, and the server cannot be asked now: %s</source>
        <translation>Aún no hay una copia de este informe en esta computadora, y ahora no se puede consultar al servidor: %s</translation>
    </message>
    <message>
        <source>The report could not be read: %s</source>
        <translation>No se pudo leer el informe: %s</translation>
    </message>
    <message>
        <source>Offline: the copy from %1 (%2)</source>
        <translation>Sin conexión: la copia del %1 (%2)</translation>
    </message>
    <message>
        <source>As of %s</source>
        <translation>Datos al %s</translation>
    </message>
    <message>
        <source>Your figures could not be counted: %s</source>
        <translation>No se pudieron calcular sus cifras: %s</translation>
    </message>
    <message>
        <source>Team medians: %s</source>
        <translation>Medianas del equipo: %s</translation>
    </message>
    <message>
        <source>This page has no table to export.</source>
        <translation>Esta página no tiene ninguna tabla para exportar.</translation>
    </message>
    <message>
        <source>Export table as CSV</source>
        <translation>Exportar tabla a CSV</translation>
    </message>
    <message>
        <source>The team&apos;s figures are not here yet.</source>
        <translation>Las cifras del equipo aún no llegan.</translation>
    </message>
    <message>
        <source>Weekly summary</source>
        <translation>Resumen semanal</translation>
    </message>
    <message>
        <source>Saved %s</source>
        <translation>Guardado: %s</translation>
    </message>
    <message>
        <source>Nothing was saved: %s</source>
        <translation>No se guardó nada: %s</translation>
    </message>
</context>
<context>
    <name>ScorecardDialog</name>
    <message>
        <source>Scorecard of %s</source>
        <translation>Resultados de %s</translation>
    </message>
    <message>
        <source>Reading the scorecard of %s…</source>
        <translation>Leyendo los resultados de %s…</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Indicador</translation>
    </message>
    <message>
        <source>Team median</source>
        <translation>Mediana del equipo</translation>
    </message>
    <message>
        <source>Scorecard</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>Delight over time</source>
        <translation>Clientes encantados por semana</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 to %3 (%4). Team median over %n advocate(s).</source>
        <translation>
            <numerusform>%1, del %2 al %3 (%4). Mediana del equipo de %n asesor.</numerusform>
            <numerusform>%1, del %2 al %3 (%4). Mediana del equipo entre %n asesores.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delighted</source>
        <translation>Encantados</translation>
    </message>
</context>
<context>
    <name>SettingControls</name>
    <message>
        <source>Looking in the keyring…</source>
        <translation>Buscando en el llavero…</translation>
    </message>
    <message>
        <source>%s (not installed)</source>
        <translation>%s (no instalado)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <source>%s (not connected)</source>
        <translation>%s (no conectado)</translation>
    </message>
    <message>
        <source>The system&apos;s default printer</source>
        <translation>La impresora predeterminada del sistema</translation>
    </message>
    <message>
        <source>%s (looking…)</source>
        <translation>%s (revisando…)</translation>
    </message>
    <message>
        <source>%s (not available)</source>
        <translation>%s (no disponible)</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>&amp;General</source>
        <translation>&amp;General</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>Teléfo&amp;no</translation>
    </message>
    <message>
        <source>&amp;Cards</source>
        <translation>Tar&amp;jetas</translation>
    </message>
    <message>
        <source>&amp;Server address</source>
        <translation>Dirección del &amp;servidor</translation>
    </message>
    <message>
        <source>Enter an address like https://advocates.example.com.</source>
        <translation>Escriba una dirección como https://advocates.example.com.</translation>
    </message>
    <message>
        <source>C&amp;A bundle</source>
        <translation>Paquete de C&amp;A</translation>
    </message>
    <message>
        <source>The system&apos;s certificates</source>
        <translation>Los certificados del sistema</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation>Certificados (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>Default &amp;region</source>
        <translation>&amp;Región predeterminada</translation>
    </message>
    <message>
        <source>Enter a two-letter region such as US, GB or DE.</source>
        <translation>Escriba una región de dos letras, como US, GB o DE.</translation>
    </message>
    <message>
        <source>&amp;Dial with</source>
        <translation>&amp;Marcar con</translation>
    </message>
    <message>
        <source>The phone system&apos;s app (hand-off)</source>
        <translation>La aplicación del sistema telefónico (envío)</translation>
    </message>
    <message>
        <source>The built-in phone</source>
        <translation>El teléfono integrado</translation>
    </message>
    <message>
        <source>The company&apos;s conference bridge</source>
        <translation>El puente de conferencias de la empresa</translation>
    </message>
    <message>
        <source>Your l&amp;eg of a conference</source>
        <translation>Su &amp;participación en una conferencia</translation>
    </message>
    <message>
        <source>This computer&apos;s phone, where it has sound</source>
        <translation>El teléfono de esta computadora, donde tenga sonido</translation>
    </message>
    <message>
        <source>The phone below (desk phone or mobile)</source>
        <translation>El teléfono de abajo (teléfono de escritorio o celular)</translation>
    </message>
    <message>
        <source>&amp;Your phone</source>
        <translation>Su telé&amp;fono</translation>
    </message>
    <message>
        <source>Enter a desk phone&apos;s address like sip:maya@pbx.example.com, or a number.</source>
        <translation>Escriba la dirección de un teléfono de escritorio, como sip:maya@pbx.example.com, o un número.</translation>
    </message>
    <message>
        <source>A desk phone&apos;s sip:… address, or a number</source>
        <translation>La dirección sip:… de un teléfono de escritorio, o un número</translation>
    </message>
    <message>
        <source>Customer &amp;joins by</source>
        <translation>El cliente se &amp;une mediante</translation>
    </message>
    <message>
        <source>The bridge calling them back</source>
        <translation>El puente le devuelve la llamada</translation>
    </message>
    <message>
        <source>The phone system transferring their call</source>
        <translation>El sistema telefónico transfiere su llamada</translation>
    </message>
    <message>
        <source>SIP regi&amp;strar</source>
        <translation>Regis&amp;trador SIP</translation>
    </message>
    <message>
        <source>Enter a SIP address like sip:pbx.example.com.</source>
        <translation>Escriba una dirección SIP como sip:pbx.example.com.</translation>
    </message>
    <message>
        <source>SIP &amp;user</source>
        <translation>Usua&amp;rio SIP</translation>
    </message>
    <message>
        <source>A SIP user name has no spaces.</source>
        <translation>Un nombre de usuario SIP no lleva espacios.</translation>
    </message>
    <message>
        <source>SIP d&amp;omain</source>
        <translation>D&amp;ominio SIP</translation>
    </message>
    <message>
        <source>A SIP domain has no spaces.</source>
        <translation>Un dominio SIP no lleva espacios.</translation>
    </message>
    <message>
        <source>&amp;Listen on address</source>
        <translation>&amp;Escuchar en la dirección</translation>
    </message>
    <message>
        <source>Enter an IP address of this computer, or 0.0.0.0 for all.</source>
        <translation>Escriba una dirección IP de esta computadora, o 0.0.0.0 para todas.</translation>
    </message>
    <message>
        <source>Listen on &amp;port</source>
        <translation>Escuc&amp;har en el puerto</translation>
    </message>
    <message>
        <source>Enter a port from 0 (any free port) to 65535.</source>
        <translation>Escriba un puerto de 0 (cualquier puerto libre) a 65535.</translation>
    </message>
    <message>
        <source>&amp;Microphone</source>
        <translation>Mi&amp;crófono</translation>
    </message>
    <message>
        <source>Spea&amp;ker</source>
        <translation>&amp;Bocina</translation>
    </message>
    <message>
        <source>Card &amp;printer</source>
        <translation>&amp;Impresora de tarjetas</translation>
    </message>
    <message>
        <source>Card &amp;stock</source>
        <translation>&amp;Tipo de tarjeta</translation>
    </message>
    <message>
        <source>Choose one of the cards in the list.</source>
        <translation>Elija una de las tarjetas de la lista.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>El idioma del sistema</translation>
    </message>
    <message>
        <source>&amp;Update channel</source>
        <translation>Canal de actuali&amp;zaciones</translation>
    </message>
    <message>
        <source>Enter a short name like stable or beta (a–z, 0–9, -).</source>
        <translation>Escriba un nombre corto como stable o beta (a–z, 0–9, -).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Problems in the settings files</source>
        <translation>Problemas en los archivos de configuración</translation>
    </message>
    <message>
        <source>Where settings are kept</source>
        <translation>Dónde se guarda la configuración</translation>
    </message>
    <message>
        <source>Saving status</source>
        <translation>Estado del guardado</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Guardar la configuración</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Cerrar sin guardar</translation>
    </message>
    <message>
        <source>Your IT department&apos;s settings file cannot be used as it is: IT must fix it. Until then every setting IT may lock is held at its default.</source>
        <translation>El archivo de configuración de su departamento de TI no se puede usar tal como está: TI debe corregirlo. Mientras tanto, cada opción que TI puede bloquear se mantiene en su valor predeterminado.</translation>
    </message>
    <message>
        <source>Saving replaces your settings file; the old one is kept beside it as %s.</source>
        <translation>Al guardar se reemplaza su archivo de configuración; el anterior se conserva junto a él como %s.</translation>
    </message>
    <message>
        <source>Your settings are kept in %s.</source>
        <translation>Su configuración se guarda en %s.</translation>
    </message>
    <message>
        <source>Settings with a lock are set by your IT department in %s.</source>
        <translation>Las opciones con candado las configura su departamento de TI en %s.</translation>
    </message>
    <message>
        <source>The list of devices comes from the built-in phone, which is not running.</source>
        <translation>La lista de dispositivos viene del teléfono integrado, que no está en funcionamiento.</translation>
    </message>
    <message>
        <source>Enter the SIP user first: the password is kept for it.</source>
        <translation>Escriba primero el usuario SIP: la contraseña se guarda para él.</translation>
    </message>
    <message>
        <source>This value cannot be used.</source>
        <translation>Este valor no se puede usar.</translation>
    </message>
    <message>
        <source>Use an https:// address: the connection to the server must be encrypted.</source>
        <translation>Use una dirección https://: la conexión con el servidor debe estar cifrada.</translation>
    </message>
    <message>
        <source>There is no file at this path.</source>
        <translation>No hay ningún archivo en esta ruta.</translation>
    </message>
    <message>
        <source>This file cannot be read.</source>
        <translation>Este archivo no se puede leer.</translation>
    </message>
    <message>
        <source>no secure keyring is available on this computer to keep it</source>
        <translation>no hay un llavero seguro en esta computadora donde guardarla</translation>
    </message>
    <message>
        <source>The password was not saved: %s</source>
        <translation>No se guardó la contraseña: %s</translation>
    </message>
    <message>
        <source>Your settings were saved, but not the password.</source>
        <translation>Su configuración se guardó, pero no la contraseña.</translation>
    </message>
    <message>
        <source>Saved. Restart Advocate Console to use the new %s.</source>
        <translation>Guardado. Reinicie Advocate Console para usar: %s.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Your settings could not be saved: %s</source>
        <translation>No se pudo guardar su configuración: %s</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>Settings sections</source>
        <translation>Secciones de la configuración</translation>
    </message>
    <message>
        <source>SIP pass&amp;word</source>
        <translation>Contra&amp;seña SIP</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>Choose the file for %s</source>
        <translation>Elija el archivo para %s</translation>
    </message>
    <message>
        <source>Set by your IT department</source>
        <translation>Configurado por su departamento de TI</translation>
    </message>
    <message>
        <source>Locked: set by your IT department</source>
        <translation>Bloqueado: configurado por su departamento de TI</translation>
    </message>
    <message>
        <source>About %s</source>
        <translation>Acerca de %s</translation>
    </message>
    <message>
        <source>Problem with %s</source>
        <translation>Problema con %s</translation>
    </message>
    <message>
        <source>Your IT department&apos;s default: %s</source>
        <translation>Valor predeterminado de su departamento de TI: %s</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>The phone finds no sound device.</source>
        <translation>El teléfono no encuentra ningún dispositivo de sonido.</translation>
    </message>
    <message>
        <source>%s, with no sound device: calls have no sound here.</source>
        <translation>%s, sin dispositivo de sonido: las llamadas no tienen sonido aquí.</translation>
    </message>
    <message>
        <source>the system default</source>
        <translation>el predeterminado del sistema</translation>
    </message>
    <message>
        <source>%s: microphone %s, speaker %s.</source>
        <translation>%s: micrófono %s, bocina %s.</translation>
    </message>
    <message>
        <source>This computer&apos;s phone: %s</source>
        <translation>Teléfono de esta computadora: %s</translation>
    </message>
    <message>
        <source>No secure keyring on this computer</source>
        <translation>No hay un llavero seguro en esta computadora</translation>
    </message>
    <message>
        <source>Saved in the keyring; type to replace it</source>
        <translation>Guardada en el llavero; escriba para reemplazarla</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Aún no guardada</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>%s (no such card)</source>
        <translation>%s (no existe esa tarjeta)</translation>
    </message>
    <message>
        <source>%s (not known to this version)</source>
        <translation>%s (desconocida para esta versión)</translation>
    </message>
</context>
<context>
    <name>SettingsNotice</name>
    <message>
        <source>Settings problems</source>
        <translation>Problemas de configuración</translation>
    </message>
    <message numerus="yes">
        <source>⚠ Settings: %n problem(s)</source>
        <translation>
            <numerusform>⚠ Configuración: %n problema</numerusform>
            <numerusform>⚠ Configuración: %n problemas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsProblemWords</name>
    <message>
        <source>%1; every setting your IT department may lock is held at its default and locked until IT fixes this file</source>
        <translation>%1; cada ajuste que su departamento de TI puede bloquear queda en su valor predeterminado y bloqueado hasta que TI corrija este archivo</translation>
    </message>
    <message>
        <source>%1, line %2: %3</source>
        <translation>%1, línea %2: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>this value cannot be used</source>
        <translation>este valor no se puede usar</translation>
    </message>
    <message>
        <source>“%1” cannot be “%2” (%3); ignored</source>
        <translation>“%1” no puede ser “%2” (%3); se ignoró</translation>
    </message>
    <message>
        <source>cannot be read (%1); nothing in this file was used</source>
        <translation>no se puede leer (%1); no se usó nada de este archivo</translation>
    </message>
    <message>
        <source>is not UTF-8 text; nothing in this file was used</source>
        <translation>no es texto UTF-8; no se usó nada de este archivo</translation>
    </message>
    <message>
        <source>is not valid TOML (%1); nothing in this file was used</source>
        <translation>no es TOML válido (%1); no se usó nada de este archivo</translation>
    </message>
    <message>
        <source>is not valid TOML (%1, column %2); nothing in this file was used</source>
        <translation>no es TOML válido (%1, columna %2); no se usó nada de este archivo</translation>
    </message>
    <message>
        <source>is not valid TOML (%1 at the end of the file); nothing in this file was used</source>
        <translation>no es TOML válido (%1 al final del archivo); no se usó nada de este archivo</translation>
    </message>
    <message>
        <source>locked must be a list of names, like [&quot;api_url&quot;]</source>
        <translation>locked debe ser una lista de nombres, como [&quot;api_url&quot;]</translation>
    </message>
    <message>
        <source>locked names settings that are each advocate&apos;s own, never locked: %1</source>
        <translation>locked nombra ajustes que son propios de cada asesor y nunca se bloquean: %1</translation>
    </message>
    <message>
        <source>locked names unknown settings: %1</source>
        <translation>locked nombra ajustes desconocidos: %1</translation>
    </message>
    <message>
        <source>schema_version must be a whole number like 1</source>
        <translation>schema_version debe ser un número entero, como 1</translation>
    </message>
    <message>
        <source>was written for a newer console (schema_version %1); settings this version does not know are ignored</source>
        <translation>se escribió para una consola más nueva (schema_version %1); se ignoran los ajustes que esta versión no conoce</translation>
    </message>
    <message>
        <source>only your IT department&apos;s settings file can lock settings; ignored</source>
        <translation>solo el archivo de ajustes de su departamento de TI puede bloquear ajustes; se ignoró</translation>
    </message>
    <message>
        <source>“%1” ignored: passwords never go in a settings file (the SIP password is kept in the OS keyring; enter it in Console ▸ Settings)</source>
        <translation>“%1” se ignoró: las contraseñas nunca van en un archivo de ajustes (la contraseña SIP se guarda en el llavero del sistema; escríbala en Consola ▸ Configuración)</translation>
    </message>
    <message>
        <source>unknown setting “%1” ignored</source>
        <translation>se ignoró el ajuste desconocido “%1”</translation>
    </message>
    <message>
        <source>“%1” must be true or false, without quotes; ignored</source>
        <translation>“%1” debe ser true o false, sin comillas; se ignoró</translation>
    </message>
    <message>
        <source>“%1” must be a whole number, without quotes; ignored</source>
        <translation>“%1” debe ser un número entero, sin comillas; se ignoró</translation>
    </message>
    <message>
        <source>“%1” must be text in quotes, like %1 = &quot;…&quot;; ignored</source>
        <translation>“%1” debe ser un texto entre comillas, como %1 = &quot;…&quot;; se ignoró</translation>
    </message>
    <message>
        <source>“%1” is set by your IT department; your value is ignored</source>
        <translation>su departamento de TI fija “%1”; se ignora su valor</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Mayús+Tab</translation>
    </message>
    <message>
        <source>Next / previous field, in the order they are on screen</source>
        <translation>Campo siguiente / anterior, en el orden en que aparecen en pantalla</translation>
    </message>
    <message>
        <source>Down, Enter</source>
        <translation>Flecha abajo, Intro</translation>
    </message>
    <message>
        <source>In the caller search: into the matches, open the chosen caller</source>
        <translation>En la búsqueda de clientes: pasar a los resultados, abrir el cliente elegido</translation>
    </message>
    <message>
        <source>Alt + underlined letter</source>
        <translation>Alt + letra subrayada</translation>
    </message>
    <message>
        <source>Go to that field or button</source>
        <translation>Ir a ese campo o botón</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>Qué hacen</translation>
    </message>
</context>
<context>
    <name>ShownCaller</name>
    <message>
        <source>Could not load the history: %s</source>
        <translation>No se pudo cargar el historial: %s</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to Advocate Console</source>
        <translation>Iniciar sesión en Advocate Console</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Problema al iniciar sesión</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Servidor</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Nombre de usuario</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Escriba su nombre de usuario.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Escriba su contraseña.</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts; try again in %n minute(s).</source>
        <translation>
            <numerusform>Demasiados intentos; vuelva a intentarlo en %n minuto.</numerusform>
            <numerusform>Demasiados intentos; vuelva a intentarlo en %n minutos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign-in failed: %s</source>
        <translation>No se pudo iniciar sesión: %s</translation>
    </message>
    <message>
        <source>No secure keyring is available on this computer, so you will be asked to sign in each time the console starts.</source>
        <translation>No hay un llavero seguro en esta computadora, así que se le pedirá iniciar sesión cada vez que se inicie la consola.</translation>
    </message>
    <message>
        <source>The keyring refused to store the sign-in (%s).</source>
        <translation>El llavero no aceptó guardar el inicio de sesión (%s).</translation>
    </message>
    <message>
        <source>Enter the server address, like https://advocates.example.com</source>
        <translation>Escriba la dirección del servidor, como https://advocates.example.com</translation>
    </message>
    <message>
        <source>Use an https:// address: the connection to the server must be encrypted.</source>
        <translation>Use una dirección https://: la conexión con el servidor debe estar cifrada.</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Escriba su nombre de usuario y su contraseña.</translation>
    </message>
    <message>
        <source>That user name and password do not match. Try again.</source>
        <translation>El nombre de usuario y la contraseña no coinciden. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
</context>
<context>
    <name>SignInFlow</name>
    <message>
        <source>Sign in first to change your password.</source>
        <translation>Inicie sesión primero para cambiar su contraseña.</translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation>Contraseña cambiada.</translation>
    </message>
    <message>
        <source>%s Your unsynced work is kept and will be sent after you sign in.</source>
        <translation>%s Su trabajo sin sincronizar se conserva y se enviará cuando inicie sesión.</translation>
    </message>
</context>
<context>
    <name>SignOutQuestion</name>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Keep this computer&apos;s copy of the customer records for your next sign-in?</source>
        <translation>¿Conservar la copia de los registros de clientes de esta computadora para su próximo inicio de sesión?</translation>
    </message>
    <message>
        <source>Erasing it also removes your drafts and card queue; the next sign-in copies the records again.</source>
        <translation>Si la borra, también se eliminan sus borradores y su cola de tarjetas; el próximo inicio de sesión vuelve a copiar los registros.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet on the server would be lost.</source>
        <translation>
            <numerusform>Se perdería %n cambio que aún no está en el servidor.</numerusform>
            <numerusform>Se perderían %n cambios que aún no están en el servidor.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Keep and sign out</source>
        <translation>&amp;Conservar y cerrar sesión</translation>
    </message>
    <message>
        <source>&amp;Erase and sign out</source>
        <translation>&amp;Borrar y cerrar sesión</translation>
    </message>
</context>
<context>
    <name>Softphone</name>
    <message>
        <source>The phone is not running.</source>
        <translation>El teléfono no está en funcionamiento.</translation>
    </message>
</context>
<context>
    <name>StaleBanner</name>
    <message>
        <source>Caller on screen</source>
        <translation>Cliente en pantalla</translation>
    </message>
    <message>
        <source>Still showing %s, who is not the caller searched for: choose a match, or press Esc to go back to them.</source>
        <translation>Todavía se muestra a %s, que no es el cliente buscado: elija un resultado, o presione Esc para volver a esa persona.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>The console cannot start: %s</source>
        <translation>La consola no puede iniciar: %s</translation>
    </message>
    <message>
        <source>Demo could not start: %s</source>
        <translation>La demostración no pudo iniciar: %s</translation>
    </message>
    <message>
        <source>Demo: starting…</source>
        <translation>Demostración: iniciando…</translation>
    </message>
</context>
<context>
    <name>StepsSection</name>
    <message>
        <source>The f&amp;ive steps</source>
        <translation>Los c&amp;inco pasos</translation>
    </message>
</context>
<context>
    <name>SuggestionWords</name>
    <message numerus="yes">
        <source>%s by %n month(s)</source>
        <translation>
            <numerusform>%s por %n mes</numerusform>
            <numerusform>%s por %n meses</numerusform>
        </translation>
    </message>
    <message>
        <source>%s gift certificate</source>
        <translation>certificado de regalo de %s</translation>
    </message>
    <message>
        <source>any %s</source>
        <translation>cualquier %s</translation>
    </message>
    <message numerus="yes">
        <source>used %n time(s) for %s</source>
        <translation>
            <numerusform>usada %n vez para %s</numerusform>
            <numerusform>usada %n veces para %s</numerusform>
        </translation>
    </message>
    <message>
        <source>%d%% delighted</source>
        <translation>%d%% encantados</translation>
    </message>
    <message>
        <source>avg %s</source>
        <translation>prom. %s</translation>
    </message>
    <message>
        <source>raised: %s</source>
        <translation>ampliada: %s</translation>
    </message>
    <message>
        <source>the amount is yours to type</source>
        <translation>el importe lo escribe usted</translation>
    </message>
    <message>
        <source>%s in all, and an amount to type</source>
        <translation>%s en total, y un importe por escribir</translation>
    </message>
    <message>
        <source>%s in all</source>
        <translation>%s en total</translation>
    </message>
    <message>
        <source>needs a lead&apos;s approval</source>
        <translation>requiere la aprobación de un supervisor</translation>
    </message>
</context>
<context>
    <name>SuggestionsRow</name>
    <message>
        <source>Suggested remedies</source>
        <translation>Soluciones sugeridas</translation>
    </message>
    <message>
        <source>Sugg&amp;ested</source>
        <translation>Suge&amp;rencias</translation>
    </message>
    <message>
        <source>About the suggestions</source>
        <translation>Acerca de las sugerencias</translation>
    </message>
    <message>
        <source>Why suggestion %d</source>
        <translation>Por qué la sugerencia %d</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <source>Apply suggestion %d</source>
        <translation>Aplicar la sugerencia %d</translation>
    </message>
    <message>
        <source>Tick and fill these remedies</source>
        <translation>Marcar y completar estas soluciones</translation>
    </message>
    <message>
        <source>Not for this case</source>
        <translation>No es para este caso</translation>
    </message>
    <message>
        <source>Dismiss suggestion %d</source>
        <translation>Descartar la sugerencia %d</translation>
    </message>
    <message>
        <source>Looking for suggestions…</source>
        <translation>Buscando sugerencias…</translation>
    </message>
    <message numerus="yes">
        <source>Suggestion rules not used, %n problem(s) in the file: %s</source>
        <translation>
            <numerusform>No se usan las reglas de sugerencias, %n problema en el archivo: %s</numerusform>
            <numerusform>No se usan las reglas de sugerencias, %n problemas en el archivo: %s</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply suggestion %d: %s</source>
        <translation>Aplicar la sugerencia %d: %s</translation>
    </message>
    <message>
        <source>✓ Applied</source>
        <translation>✓ Aplicada</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>● Syncing…</source>
        <translation>● Sincronizando…</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● En línea</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ Sin conexión</translation>
    </message>
    <message>
        <source>○ Signed out</source>
        <translation>○ Sesión cerrada</translation>
    </message>
    <message>
        <source>○ Sync problem</source>
        <translation>○ Problema de sincronización</translation>
    </message>
    <message>
        <source>Sync state</source>
        <translation>Estado de la sincronización</translation>
    </message>
    <message>
        <source>Waiting changes</source>
        <translation>Cambios en espera</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Última sincronización</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Sync now (F5)</source>
        <translation>Sincronizar ahora (F5)</translation>
    </message>
    <message>
        <source>Sign in (F5)</source>
        <translation>Iniciar sesión (F5)</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Iniciar sesión…</translation>
    </message>
    <message>
        <source>Your changes are kept; sync tries again by itself.</source>
        <translation>Sus cambios se conservan; la sincronización lo vuelve a intentar sola.</translation>
    </message>
    <message>
        <source>● Syncing: %s changes…</source>
        <translation>● Sincronizando: %s cambios…</translation>
    </message>
    <message>
        <source>Nothing waiting</source>
        <translation>Nada en espera</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflicto</numerusform>
            <numerusform>%n conflictos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n for %1</source>
        <translation>
            <numerusform>%n para %1</numerusform>
            <numerusform>%n para %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n for other advocates</source>
        <translation>
            <numerusform>%n para otros asesores</numerusform>
            <numerusform>%n para otros asesores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n cambio en espera</numerusform>
            <numerusform>%n cambios en espera</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n rechazado</numerusform>
            <numerusform>%n rechazados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n en espera</numerusform>
            <numerusform>%n en espera</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet on the server</source>
        <translation>
            <numerusform>%n cambio que aún no está en el servidor</numerusform>
            <numerusform>%n cambios que aún no están en el servidor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed by someone else too: choose</source>
        <translation>
            <numerusform>%n que otra persona también cambió: elija</numerusform>
            <numerusform>%n que otra persona también cambió: elija</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused by the server</source>
        <translation>
            <numerusform>%n rechazado por el servidor</numerusform>
            <numerusform>%n rechazados por el servidor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n saved by %1: sent when they sign in</source>
        <translation>
            <numerusform>%n guardado por %1: se enviará cuando esa persona inicie sesión</numerusform>
            <numerusform>%n guardados por %1: se enviarán cuando esa persona inicie sesión</numerusform>
        </translation>
    </message>
    <message>
        <source>Click to see them.</source>
        <translation>Haga clic para verlos.</translation>
    </message>
    <message>
        <source>synced %s</source>
        <translation>sincronizado %s</translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <source>Click a column to sort; open a row (Enter or double-click) for that advocate&apos;s scorecard.</source>
        <translation>Haga clic en una columna para ordenar; abra una fila (Intro o doble clic) para ver los resultados de ese asesor.</translation>
    </message>
    <message>
        <source>Advocate</source>
        <translation>Asesor</translation>
    </message>
    <message>
        <source>Delighted</source>
        <translation>Encantados</translation>
    </message>
    <message>
        <source>All five steps</source>
        <translation>Cinco pasos</translation>
    </message>
    <message>
        <source>Spend per case</source>
        <translation>Gasto por caso</translation>
    </message>
    <message>
        <source>Came back</source>
        <translation>Volvieron</translation>
    </message>
    <message>
        <source>Follow-ups on time</source>
        <comment>a column heading</comment>
        <translation>Seguim. a tiempo</translation>
    </message>
    <message>
        <source>Follow-ups missed</source>
        <comment>a column heading</comment>
        <translation>Seguim. omitidos</translation>
    </message>
    <message>
        <source>Brought in</source>
        <translation>Conectó</translation>
    </message>
    <message>
        <source>The team</source>
        <translation>El equipo</translation>
    </message>
    <message>
        <source>The team&apos;s delight over time</source>
        <translation>Clientes encantados del equipo por semana</translation>
    </message>
    <message>
        <source>Delight over time</source>
        <translation>Clientes encantados por semana</translation>
    </message>
    <message>
        <source>Remedy spend against delight</source>
        <translation>Gasto en soluciones frente a clientes encantados</translation>
    </message>
    <message>
        <source>The team: delighted customers</source>
        <translation>El equipo: clientes encantados</translation>
    </message>
    <message>
        <source>Median advocate</source>
        <translation>Mediana de los asesores</translation>
    </message>
    <message>
        <source>Advocates</source>
        <translation>Asesores</translation>
    </message>
    <message>
        <source>Remedy spend per case</source>
        <translation>Gasto en soluciones por caso</translation>
    </message>
</context>
<context>
    <name>TelephonyStart</name>
    <message>
        <source>Phone: %s</source>
        <translation>Teléfono: %s</translation>
    </message>
    <message>
        <source>The phone cannot start: %s</source>
        <translation>El teléfono no puede iniciar: %s</translation>
    </message>
</context>
<context>
    <name>TimelinePage</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Filter the timeline…</source>
        <translation>Filtrar la cronología…</translation>
    </message>
    <message>
        <source>Filter the timeline</source>
        <translation>Filtrar la cronología</translation>
    </message>
    <message>
        <source>Kind of timeline entry</source>
        <translation>Tipo de entrada de la cronología</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Llamadas</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>Devoluciones de llamada</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>Correos</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Tarjetas</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Cronología</translation>
    </message>
</context>
<context>
    <name>TwoAdvocates</name>
    <message>
        <source>Reopen case…</source>
        <translation>Reabrir caso…</translation>
    </message>
    <message>
        <source>Open this resolved case again (its resolution is kept, superseded)</source>
        <translation>Volver a abrir este caso resuelto (su resolución se conserva como reemplazada)</translation>
    </message>
    <message>
        <source>Reopen case</source>
        <translation>Reabrir caso</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>otra persona</translation>
    </message>
    <message>
        <source>Another advocate</source>
        <translation>Otro asesor</translation>
    </message>
    <message>
        <source>Two resolutions of case %1 crossed: %2&apos;s (%3) was not saved; %4&apos;s stands.</source>
        <translation>Dos resoluciones del caso %1 se cruzaron: la de %2 (%3) no se guardó; queda en firme la de %4.</translation>
    </message>
    <message>
        <source>Your resolution of %1 was not saved: %2 resolved it first.</source>
        <translation>Su resolución del caso %1 no se guardó: %2 lo resolvió primero.</translation>
    </message>
    <message>
        <source>Sending your resolution of %s…</source>
        <translation>Enviando su resolución del caso %s…</translation>
    </message>
    <message>
        <source>Resolution not saved (%1&apos;s stood): %2</source>
        <translation>Resolución no guardada (quedó en firme la de %1): %2</translation>
    </message>
    <message>
        <source>another advocate</source>
        <translation>otro asesor</translation>
    </message>
    <message>
        <source>Yours is kept as a note on %s.</source>
        <translation>La suya se conserva como nota en el caso %s.</translation>
    </message>
    <message>
        <source>Discard your resolution?</source>
        <translation>¿Descartar su resolución?</translation>
    </message>
    <message>
        <source>Your resolution of %s, its timeline entry, follow-up and card will not reach the server and cannot be brought back.</source>
        <translation>Su resolución del caso %s, con su entrada en la cronología, su seguimiento y su tarjeta, no llegará al servidor y no se podrá recuperar.</translation>
    </message>
    <message>
        <source>Your resolution of %s is discarded.</source>
        <translation>Se descartó su resolución del caso %s.</translation>
    </message>
    <message>
        <source>Sign in to reopen a case (on the server).</source>
        <translation>Inicie sesión para reabrir un caso (en el servidor).</translation>
    </message>
    <message>
        <source>Reopen case %s</source>
        <translation>Reabrir el caso %s</translation>
    </message>
    <message>
        <source>Why is it reopened? (Everyone sees this on the case.)</source>
        <translation>¿Por qué se reabre? (Todos lo verán en el caso.)</translation>
    </message>
    <message>
        <source>Two resolutions crossed; the second replaces the first.</source>
        <translation>Se cruzaron dos resoluciones; la segunda reemplaza a la primera.</translation>
    </message>
    <message>
        <source>Case %s reopened.</source>
        <translation>Caso %s reabierto.</translation>
    </message>
    <message>
        <source>Case %1 was not reopened: %2</source>
        <translation>El caso %1 no se reabrió: %2</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>What was just done</source>
        <translation>Qué se acaba de hacer</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Take back what was just done</source>
        <translation>Deshacer lo que se acaba de hacer</translation>
    </message>
    <message>
        <source>Take it back (Ctrl+Z)</source>
        <translation>Deshacerlo (Ctrl+Z)</translation>
    </message>
</context>
<context>
    <name>UpdateNotice</name>
    <message>
        <source>Update notice</source>
        <translation>Aviso de actualización</translation>
    </message>
    <message>
        <source>Update available: %1 — it comes with your system updates (&lt;a href=&quot;%2&quot;&gt;release notes&lt;/a&gt;)</source>
        <translation>Actualización disponible: %1 — llega con las actualizaciones de su sistema (&lt;a href=&quot;%2&quot;&gt;notas de la versión&lt;/a&gt;)</translation>
    </message>
    <message>
        <source>Update available: %1 — it comes with your system updates</source>
        <translation>Actualización disponible: %1 — llega con las actualizaciones de su sistema</translation>
    </message>
    <message>
        <source>Update available: %1 — &lt;a href=&quot;%2&quot;&gt;release notes&lt;/a&gt;</source>
        <translation>Actualización disponible: %1 — &lt;a href=&quot;%2&quot;&gt;notas de la versión&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Update available: %1</source>
        <translation>Actualización disponible: %1</translation>
    </message>
    <message>
        <source>Version %1 is out on the %2 channel; you have %3.</source>
        <translation>La versión %1 ya salió en el canal %2; usted tiene la %3.</translation>
    </message>
    <message>
        <source>Your computer&apos;s software updates install it, from %1.</source>
        <translation>Las actualizaciones de software de su computadora la instalan, desde %1.</translation>
    </message>
</context>
<context>
    <name>WeeklySummary</name>
    <message>
        <source>The team, most delighted customers first</source>
        <translation>El equipo, primero quien tiene más clientes encantados</translation>
    </message>
    <message>
        <source>Advocate</source>
        <translation>Asesor</translation>
    </message>
    <message>
        <source>What is broken</source>
        <translation>Qué está fallando</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Failure cases</source>
        <translation>Casos de falla</translation>
    </message>
    <message>
        <source>Repeat failures</source>
        <translation>Fallas repetidas</translation>
    </message>
    <message>
        <source>Remedy spend</source>
        <translation>Gasto en soluciones</translation>
    </message>
    <message>
        <source>Unhappy</source>
        <translation>Insatisfechos</translation>
    </message>
    <message>
        <source>Who helps</source>
        <translation>Quién ayuda</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Área</translation>
    </message>
    <message>
        <source>Brought in</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Helped</source>
        <translation>Ayudó</translation>
    </message>
    <message>
        <source>Ended delighted</source>
        <translation>Terminaron encantados</translation>
    </message>
    <message>
        <source>Weekly summary: keeping score</source>
        <translation>Resumen semanal: el marcador</translation>
    </message>
    <message>
        <source>%1 to %2 · %3</source>
        <translation>Del %1 al %2 · %3</translation>
    </message>
    <message>
        <source>Team medians</source>
        <translation>Medianas del equipo</translation>
    </message>
</context>
<context>
    <name>WhoseSwitch</name>
    <message>
        <source>Mine</source>
        <translation>Míos</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Equipo</translation>
    </message>
</context>
<context>
    <name>WhoseWork</name>
    <message numerus="yes">
        <source>%n change(s) saved on this computer by %1: sent when %1 signs in, never as yours.</source>
        <translation>
            <numerusform>%n cambio guardado en esta computadora por %1: se enviará cuando %1 inicie sesión, nunca como suyo.</numerusform>
            <numerusform>%n cambios guardados en esta computadora por %1: se enviarán cuando %1 inicie sesión, nunca como suyos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot note who is signed in: %s</source>
        <translation>No se puede registrar quién inició sesión: %s</translation>
    </message>
</context>
</TS>
