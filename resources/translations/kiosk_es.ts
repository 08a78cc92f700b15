<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>BestTime</name>
    <message>
        <source>Morning</source>
        <translation>Mañana</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>Tarde</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>Noche</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Cualquier hora</translation>
    </message>
</context>
<context>
    <name>ChecklistScreen</name>
    <message>
        <source>Tap again to clear your ticks</source>
        <translation>Toque otra vez para quitar sus marcas</translation>
    </message>
    <message>
        <source>None of these</source>
        <translation>Ninguno de estos</translation>
    </message>
    <message>
        <source>More below: drag the list up</source>
        <translation>Hay más abajo: suba la lista con el dedo</translation>
    </message>
    <message>
        <source>I do not have any of these</source>
        <translation>No tengo ninguno de estos</translation>
    </message>
    <message>
        <source>Which of these do you have?</source>
        <translation>¿Cuáles de estos tiene?</translation>
    </message>
    <message>
        <source>Tap every one that you have. You can choose more than one.</source>
        <translation>Toque cada uno que tenga. Puede elegir más de uno.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>Back to the slides</source>
        <translation>Volver a las diapositivas</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>See your answers</source>
        <translation>Ver sus respuestas</translation>
    </message>
    <message>
        <source>Please tap at least one box, or “None of these”.</source>
        <translation>Toque al menos una opción, o “Ninguno de estos”.</translation>
    </message>
</context>
<context>
    <name>EducationScreen</name>
    <message>
        <source>Check my symptoms</source>
        <translation>Revisar mis síntomas</translation>
    </message>
    <message>
        <source>Tick the symptoms you have, then ask for a free phone call</source>
        <translation>Marque los síntomas que tiene y luego pida una llamada gratuita</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Show the previous slide</source>
        <translation>Mostrar la diapositiva anterior</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Show the next slide</source>
        <translation>Mostrar la diapositiva siguiente</translation>
    </message>
    <message>
        <source>Paused — the slides go on by themselves soon</source>
        <translation>En pausa: las diapositivas seguirán solas en un momento</translation>
    </message>
</context>
<context>
    <name>ExportOverlay</name>
    <message>
        <source>Export requests</source>
        <translation>Exportar solicitudes</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>Tipo de archivo</translation>
    </message>
    <message>
        <source>CSV (any spreadsheet)</source>
        <translation>CSV (hojas de cálculo)</translation>
    </message>
    <message>
        <source>Excel (.xlsx)</source>
        <translation>Excel (.xlsx)</translation>
    </message>
    <message>
        <source>Which requests</source>
        <translation>Qué solicitudes</translation>
    </message>
    <message>
        <source>New since last export</source>
        <translation>Solo las nuevas</translation>
    </message>
    <message>
        <source>All requests</source>
        <translation>Todas</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>Guardar en</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Export now</source>
        <translation>Exportar ahora</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>Carpeta de exportación</translation>
    </message>
    <message>
        <source>USB drive %1</source>
        <translation>Unidad USB %1</translation>
    </message>
    <message>
        <source>The file will be saved in: %1</source>
        <translation>El archivo se guardará en: %1</translation>
    </message>
</context>
<context>
    <name>KioskState</name>
    <message>
        <source>The config file has problems; defaults are used for: %1</source>
        <translation>El archivo de configuración tiene problemas; se usan los valores predeterminados para: %1</translation>
    </message>
    <message>
        <source>Content problems; the bundled content is shown: %1</source>
        <translation>Hay problemas en el contenido; se muestra el contenido incluido: %1</translation>
    </message>
    <message>
        <source>The last request could not be saved. Check the data folder: %1</source>
        <translation>No se pudo guardar la última solicitud. Revise la carpeta de datos: %1</translation>
    </message>
    <message>
        <source>The disk is nearly full (%1 MB free).</source>
        <translation>El disco está casi lleno (%1 MB libres).</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>Capital letter</source>
        <translation>Mayúscula</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Accented letters</source>
        <translation>Letras con acento</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Números</translation>
    </message>
    <message>
        <source>space</source>
        <translation>espacio</translation>
    </message>
    <message>
        <source>Typing: %1</source>
        <translation>Escribiendo: %1</translation>
    </message>
</context>
<context>
    <name>PatientToolbar</name>
    <message>
        <source>Larger text</source>
        <translation>Letra grande</translation>
    </message>
    <message>
        <source>Makes all the words on the screen bigger. Tap again for the usual size.</source>
        <translation>Agranda todas las palabras de la pantalla. Toque otra vez para volver al tamaño normal.</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <source>White and yellow on black, easier to see. Tap again for the usual colours.</source>
        <translation>Blanco y amarillo sobre negro, más fácil de ver. Toque otra vez para volver a los colores normales.</translation>
    </message>
    <message>
        <source>Change the language</source>
        <translation>Cambiar el idioma</translation>
    </message>
    <message>
        <source>Choose another language</source>
        <translation>Elegir otro idioma</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Leer en voz alta</translation>
    </message>
    <message>
        <source>Reads the words on the screen out loud. Tap again to stop.</source>
        <translation>Lee en voz alta las palabras de la pantalla. Toque otra vez para parar.</translation>
    </message>
</context>
<context>
    <name>RequestFormScreen</name>
    <message>
        <source>You did not choose any symptoms.</source>
        <translation>No eligió ningún síntoma.</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 y %n más</numerusform>
            <numerusform>%1 y %n más</numerusform>
        </translation>
    </message>
    <message>
        <source>Your symptoms: %1</source>
        <translation>Sus síntomas: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n letters left</source>
        <translation>
            <numerusform>Queda %n letra</numerusform>
            <numerusform>Quedan %n letras</numerusform>
        </translation>
    </message>
    <message>
        <source>Please type your name.</source>
        <translation>Escriba su nombre, por favor.</translation>
    </message>
    <message>
        <source>That name is too long. Please make it shorter.</source>
        <translation>Ese nombre es demasiado largo. Acórtelo, por favor.</translation>
    </message>
    <message>
        <source>Please type your name with letters.</source>
        <translation>Escriba su nombre con letras, por favor.</translation>
    </message>
    <message>
        <source>Please type your phone number.</source>
        <translation>Escriba su número de teléfono, por favor.</translation>
    </message>
    <message>
        <source>That phone number doesn&apos;t look right — please check it.</source>
        <translation>Ese número de teléfono no parece correcto; revíselo, por favor.</translation>
    </message>
    <message>
        <source>That phone number has too few or too many digits — please check it.</source>
        <translation>A ese número de teléfono le faltan o le sobran dígitos; revíselo, por favor.</translation>
    </message>
    <message>
        <source>That phone number is too long — please check it.</source>
        <translation>Ese número de teléfono es demasiado largo; revíselo, por favor.</translation>
    </message>
    <message>
        <source>Please choose when we should call you.</source>
        <translation>Elija cuándo podemos llamarle, por favor.</translation>
    </message>
    <message>
        <source>Your note is too long. Please make it shorter.</source>
        <translation>Su nota es demasiado larga. Acórtela, por favor.</translation>
    </message>
    <message>
        <source>Please tick the box above.</source>
        <translation>Marque la casilla de arriba, por favor.</translation>
    </message>
    <message>
        <source>Something went wrong with your answers. Please start over.</source>
        <translation>Algo salió mal con sus respuestas. Empiece de nuevo, por favor.</translation>
    </message>
    <message>
        <source>Please check this.</source>
        <translation>Revise esto, por favor.</translation>
    </message>
    <message>
        <source>Sorry, we could not save your request — please tell the front desk.</source>
        <translation>Lo sentimos, no pudimos guardar su solicitud. Avise en la recepción, por favor.</translation>
    </message>
    <message>
        <source>Ask for a free phone call</source>
        <translation>Pida una llamada gratuita</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <source>Your phone number</source>
        <translation>Su número de teléfono</translation>
    </message>
    <message>
        <source>Best time to call you</source>
        <translation>Mejor hora para llamarle</translation>
    </message>
    <message>
        <source>Anything else? (optional)</source>
        <translation>¿Algo más? (opcional)</translation>
    </message>
    <message>
        <source>Type it with the keys on the screen</source>
        <translation>Escríbalo con las teclas de la pantalla</translation>
    </message>
    <message>
        <source>The keys on the screen show numbers for this box</source>
        <translation>Para este campo, las teclas de la pantalla muestran números</translation>
    </message>
    <message>
        <source>You can leave this empty</source>
        <translation>Puede dejarlo en blanco</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>Back to your answers; what you typed is kept</source>
        <translation>Volver a sus respuestas; lo que escribió se conserva</translation>
    </message>
    <message>
        <source>Send my request</source>
        <translation>Enviar mi solicitud</translation>
    </message>
    <message>
        <source>The clinic will call you at the time you chose</source>
        <translation>La clínica le llamará a la hora que eligió</translation>
    </message>
</context>
<context>
    <name>RequestStatus</name>
    <message>
        <source>New</source>
        <translation>Nueva</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>Llamada</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportada</translation>
    </message>
</context>
<context>
    <name>SmsCodeCard</name>
    <message>
        <source>Hello, please call me for a free phone assessment. My symptoms: {symptoms}</source>
        <translation>Hola, por favor llámenme para una evaluación gratuita por teléfono. Mis síntomas: {symptoms}</translation>
    </message>
    <message>
        <source>Hello, please call me for a free phone assessment.</source>
        <translation>Hola, por favor llámenme para una evaluación gratuita por teléfono.</translation>
    </message>
    <message>
        <source>+{count} more</source>
        <comment>ends a shortened list of symptoms in a text message</comment>
        <translation>+{count} más</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between two symptoms in a text message</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>Rather use your own phone?</source>
        <translation>¿Prefiere usar su propio teléfono?</translation>
    </message>
    <message>
        <source>Scan with your camera: a text to the clinic is ready to send.</source>
        <translation>Escanee con la cámara: el mensaje a la clínica ya está escrito.</translation>
    </message>
    <message>
        <source>Opens your phone&apos;s messages with a text to the clinic</source>
        <translation>Abre los mensajes de su teléfono con un texto para la clínica</translation>
    </message>
</context>
<context>
    <name>StaffPanelScreen</name>
    <message>
        <source>Front desk</source>
        <translation>Recepción</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Progreso de la exportación</translation>
    </message>
    <message>
        <source>Stop export</source>
        <translation>Detener exportación</translation>
    </message>
    <message>
        <source>Search requests</source>
        <translation>Buscar solicitudes</translation>
    </message>
    <message>
        <source>Find: reference, name or phone</source>
        <translation>Buscar: referencia, nombre o teléfono</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>Llamadas</translation>
    </message>
    <message>
        <source>Mark as called</source>
        <translation>Marcar como llamada</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Delete old requests</source>
        <translation>Borrar solicitudes antiguas</translation>
    </message>
    <message>
        <source>Quit to desktop</source>
        <translation>Salir al escritorio</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>Exportaciones</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>Historial de exportaciones</translation>
    </message>
    <message>
        <source>No requests yet.</source>
        <translation>Todavía no hay solicitudes.</translation>
    </message>
    <message>
        <source>Name and phone</source>
        <translation>Nombre y teléfono</translation>
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
        <source>Best time</source>
        <translation>Mejor hora</translation>
    </message>
    <message>
        <source>Symptoms</source>
        <translation>Síntomas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nueva</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Time and reference</source>
        <translation>Hora y referencia</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>No request matches.</source>
        <translation>Ninguna solicitud coincide.</translation>
    </message>
    <message>
        <source>Called %1</source>
        <translation>Llamada %1</translation>
    </message>
    <message>
        <source>exported %1</source>
        <translation>exportada %1</translation>
    </message>
    <message>
        <source>No exports yet.</source>
        <translation>Todavía no hay exportaciones.</translation>
    </message>
    <message>
        <source>%1 · %2 requests · %3</source>
        <translation>%1 · %2 solicitudes · %3</translation>
    </message>
    <message>
        <source>Wrong PINs cannot be saved in the data file just now, so the kiosk counts them only until it restarts.</source>
        <translation>Ahora no se pueden guardar los PIN incorrectos en el archivo de datos, así que el quiosco los cuenta solo hasta que se reinicie.</translation>
    </message>
    <message>
        <source>The request database could not be used just now. Try again; if it keeps happening, ask IT to check the data folder.</source>
        <translation>No se pudo usar la base de datos de solicitudes en este momento. Intente de nuevo; si sigue pasando, pida a informática que revise la carpeta de datos.</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was changed. If it happens again, ask IT to look at the kiosk&apos;s log.</source>
        <translation>Algo salió mal; no se cambió nada. Si vuelve a ocurrir, pida a informática que revise el registro del quiosco.</translation>
    </message>
    <message>
        <source>Tap the requests you have called first, then tap Mark as called.</source>
        <translation>Primero toque las solicitudes a las que ya llamó y luego toque Marcar como llamada.</translation>
    </message>
    <message>
        <source>Marked %1 as called.</source>
        <translation>Marcadas como llamadas: %1.</translation>
    </message>
    <message>
        <source>Undone: %1 no longer marked as called.</source>
        <translation>Deshecho: %1 ya no figura como llamada.</translation>
    </message>
    <message>
        <source>1 request</source>
        <translation>1 solicitud</translation>
    </message>
    <message>
        <source>%1 requests</source>
        <translation>%1 solicitudes</translation>
    </message>
    <message>
        <source>Exporting: %1 of %2</source>
        <translation>Exportando: %1 de %2</translation>
    </message>
    <message>
        <source>Stopping the export…</source>
        <translation>Deteniendo la exportación…</translation>
    </message>
    <message>
        <source>Export stopped. No file was kept and nothing was marked.</source>
        <translation>Exportación detenida. No se guardó ningún archivo y no se marcó nada.</translation>
    </message>
    <message>
        <source>There are no requests to export.</source>
        <translation>No hay solicitudes para exportar.</translation>
    </message>
    <message>
        <source>Nothing new to export: every request was exported before. Choose &quot;All requests&quot; to export them again.</source>
        <translation>No hay nada nuevo para exportar: todas las solicitudes ya se exportaron. Elija &quot;Todas&quot; para exportarlas de nuevo.</translation>
    </message>
    <message>
        <source>Export failed, nothing was changed:</source>
        <translation>La exportación falló; no se cambió nada:</translation>
    </message>
    <message>
        <source>Saved %1 to %2</source>
        <translation>Guardado: %1 en %2</translation>
    </message>
    <message>
        <source>Nothing to delete: no exported request is older than %1 days.</source>
        <translation>No hay nada que borrar: ninguna solicitud exportada tiene más de %1 días.</translation>
    </message>
    <message>
        <source>Delete old requests?</source>
        <translation>¿Borrar solicitudes antiguas?</translation>
    </message>
    <message>
        <source>%1 exported more than %2 days ago will be deleted from this kiosk for good. Requests that were never exported are kept.</source>
        <translation>Se borrarán para siempre de este quiosco las solicitudes exportadas hace más de %2 días: %1. Las solicitudes que nunca se exportaron se conservan.</translation>
    </message>
    <message>
        <source>Yes, delete</source>
        <translation>Sí, borrar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>Borradas: %1.</translation>
    </message>
    <message>
        <source>Quit to desktop?</source>
        <translation>¿Salir al escritorio?</translation>
    </message>
    <message>
        <source>The kiosk closes and patients cannot use it until it is started again.</source>
        <translation>El quiosco se cierra y los pacientes no podrán usarlo hasta que se vuelva a iniciar.</translation>
    </message>
    <message>
        <source>Yes, quit</source>
        <translation>Sí, salir</translation>
    </message>
</context>
<context>
    <name>StaffPinScreen</name>
    <message>
        <source>Staff PIN</source>
        <translation>PIN del personal</translation>
    </message>
    <message>
        <source>Front desk only. Enter the staff PIN.</source>
        <translation>Solo para la recepción. Ingrese el PIN del personal.</translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>Borrar el último dígito</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>%1 digits entered</source>
        <translation>%1 dígitos ingresados</translation>
    </message>
    <message>
        <source>Wrong PIN. 1 try left.</source>
        <translation>PIN incorrecto. Queda 1 intento.</translation>
    </message>
    <message>
        <source>Wrong PIN. %1 tries left.</source>
        <translation>PIN incorrecto. Quedan %1 intentos.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again at %1.</source>
        <translation>Demasiados PIN incorrectos. Intente de nuevo a las %1.</translation>
    </message>
    <message>
        <source>Staff mode is not set up. IT can set a PIN with: psoas-kiosk set-pin</source>
        <translation>El modo del personal no está configurado. Informática puede fijar un PIN con: psoas-kiosk set-pin</translation>
    </message>
    <message>
        <source>Type the PIN first, then tap OK.</source>
        <translation>Primero escriba el PIN y luego toque OK.</translation>
    </message>
    <message>
        <source>The kiosk&apos;s data file cannot be opened, so staff mode is not available. Ask IT to check the data folder.</source>
        <translation>No se puede abrir el archivo de datos del quiosco, así que el modo del personal no está disponible. Pida a informática que revise la carpeta de datos.</translation>
    </message>
</context>
<context>
    <name>StillThereOverlay</name>
    <message>
        <source>Clearing in %1…</source>
        <translation>Todo se borrará en %1…</translation>
    </message>
    <message>
        <source>Still there?</source>
        <translation>¿Sigue ahí?</translation>
    </message>
    <message>
        <source>Tap anywhere to continue.</source>
        <translation>Toque en cualquier parte para continuar.</translation>
    </message>
    <message>
        <source>I&apos;m still here</source>
        <translation>Sigo aquí</translation>
    </message>
</context>
<context>
    <name>SummaryScreen</name>
    <message>
        <source>Your answers</source>
        <translation>Sus respuestas</translation>
    </message>
    <message>
        <source>You chose:</source>
        <translation>Usted eligió:</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>Change your answers</source>
        <translation>Cambiar sus respuestas</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Empezar de nuevo</translation>
    </message>
    <message>
        <source>Clear your answers and go back to the slides</source>
        <translation>Borrar sus respuestas y volver a las diapositivas</translation>
    </message>
    <message>
        <source>Request a free phone call</source>
        <translation>Pedir una llamada gratuita</translation>
    </message>
    <message>
        <source>Type your name and phone number on the next screen</source>
        <translation>En la siguiente pantalla escribirá su nombre y su teléfono</translation>
    </message>
</context>
<context>
    <name>ThanksScreen</name>
    <message>
        <source>Thank you! We will call you.</source>
        <translation>¡Gracias! Le llamaremos.</translation>
    </message>
    <message>
        <source>Your reference:</source>
        <translation>Su número de referencia:</translation>
    </message>
    <message>
        <source>You can go back to your seat.</source>
        <translation>Ya puede volver a su asiento.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Back to the slides</source>
        <translation>Volver a las diapositivas</translation>
    </message>
    <message>
        <source>Expect our call %1.</source>
        <translation>Espere nuestra llamada %1.</translation>
    </message>
    <message>
        <source>Our phone number: %1</source>
        <translation>Nuestro teléfono: %1</translation>
    </message>
    <message>
        <source>Save our number</source>
        <translation>Guarde nuestro número</translation>
    </message>
    <message>
        <source>Scan with your camera to add the clinic to your contacts.</source>
        <translation>Escanee con la cámara para añadir la clínica a sus contactos.</translation>
    </message>
    <message>
        <source>The clinic&apos;s contact card: name, phone number, address and website</source>
        <translation>La tarjeta de contacto de la clínica: nombre, teléfono, dirección y sitio web</translation>
    </message>
</context>
</TS>
