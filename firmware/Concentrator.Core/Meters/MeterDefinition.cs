namespace Concentrator.Core.Meters
{
    /// <summary>
    /// One entry of the meter inventory: which meter, where it is attached, how it is read and how often.
    /// Plain data: the configuration store persists it, text commands edit it, the scheduler reads it.
    /// </summary>
    public sealed class MeterDefinition
    {
        /// <summary>The meter's name in topics and commands ("p1", "bus-07"): letters, digits, '-' and '_'.</summary>
        public string Id = string.Empty;

        public MeterPort Port;

        public MeterProtocol Protocol;

        /// <summary>
        /// The protocol's address of the meter: the IEC 62056-21 device address ("" for /?!), the HDLC server address
        /// ("1/1234" logical/physical), or host:port for a TCP meter. Empty when the port has only this meter.
        /// </summary>
        public string Address = string.Empty;

        /// <summary>The meter's password (IEC P1, DLMS low-level authentication); empty for none. Never published.</summary>
        public string Password = string.Empty;

        /// <summary>The highest baud to negotiate (0: as high as meter and port allow).</summary>
        public int BaudCap;

        /// <summary>Comma-separated OBIS codes (or COSEM objects) to read; empty: everything the meter offers.</summary>
        public string Objects = string.Empty;

        /// <summary>Poll interval in seconds, aligned to the clock (900: on the quarter hour); 0 for meters that push.</summary>
        public int IntervalSeconds = 900;

        /// <summary>Lower runs first when several meters on one port are due (instantaneous values before billing registers before profiles).</summary>
        public byte Priority;
    }
}
