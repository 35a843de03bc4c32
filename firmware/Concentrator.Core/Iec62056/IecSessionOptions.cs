using Concentrator.Core.Obis;

namespace Concentrator.Core.Iec62056
{
    /// <summary>
    /// How an <see cref="IecSession"/> talks to one meter. The timing defaults are those of IEC 62056-21
    /// (reaction time tr 200 ms … 1500 ms, 20 ms for meters that announce it; inter-character time ta up to 1500 ms)
    /// with the field's lessons added: a settle time after the baud switch and a bound on the whole session.
    /// </summary>
    public sealed class IecSessionOptions
    {
        /// <summary>Device address for "/?address!" (up to 32 characters); empty for "/?!" (one meter on the line).</summary>
        public string Address = string.Empty;

        public IecRequest Request = IecRequest.Readout;

        /// <summary>The highest baud the port hardware follows (a 38 kHz demodulating receiver: 2400).</summary>
        public int PortMaximumBaud = 19200;

        /// <summary>The highest baud to negotiate with this meter (0: no limit beyond meter and port).</summary>
        public int MeterMaximumBaud;

        public IecEchoMode Echo = IecEchoMode.Auto;

        /// <summary>Length of the NUL train that wakes battery meters (IEC 62056-21: 2.1 s … 2.3 s at 300 baud); 0 for none.</summary>
        public int WakeUpMilliseconds;

        /// <summary>After an attempt without any answer, wake the meter with a NUL train before the next one (battery meters).</summary>
        public bool WakeUpWhenSilent = true;

        /// <summary>NUL train length used by <see cref="WakeUpWhenSilent"/> when <see cref="WakeUpMilliseconds"/> is 0.</summary>
        public const int DefaultWakeUpMilliseconds = 2200;

        /// <summary>Pause between the NUL train and the sign-on (1.5 s … 1.7 s).</summary>
        public int WakeUpPauseMilliseconds = 1600;

        /// <summary>Longest wait for the first byte of an answer after our message has left the line (tr max 1500 ms).</summary>
        public int ReactionTimeoutMilliseconds = 1500;

        /// <summary>Longest gap between two characters of one message (ta 1500 ms).</summary>
        public int InterCharacterTimeoutMilliseconds = 1500;

        /// <summary>Wait before answering the meter (tr min 200 ms; the standard's lowest is 20 ms for meters that ask for it).</summary>
        public int ReactionDelayMilliseconds = 200;

        public int FastReactionDelayMilliseconds = 20;

        /// <summary>Extra wait after the option select has left the UART before the baud changes (one gateway needed 400 ms).</summary>
        public int SettleMilliseconds = 50;

        /// <summary>Bound on one whole attempt; 0: computed from <see cref="MaxReadoutBytes"/> at the negotiated baud, plus the handshake.</summary>
        public int TotalTimeoutMilliseconds;

        /// <summary>Largest readout expected, for the computed total timeout.</summary>
        public int MaxReadoutBytes = 8192;

        /// <summary>Attempts before giving up; each failed one steps the baud down the fallback ladder.</summary>
        public int MaxAttempts = 4;

        /// <summary>Wait before the next attempt: the meter drops back to its sign-on state after 1.5 s … 2.2 s of silence.</summary>
        public int RetryPauseMilliseconds = 2200;

        /// <summary>
        /// Before a retry the line must have been quiet for <see cref="RetryPauseMilliseconds"/> (a meter that ignored
        /// the baud switch is still sending its readout at 300 baud); this bounds that wait.
        /// </summary>
        public int MaxQuietWaitMilliseconds = 45000;

        /// <summary>Programming mode: the P1 password (empty: the meter's P0 request is answered without one only if it sends none).</summary>
        public string Password = string.Empty;

        /// <summary>Programming mode: the registers to read.</summary>
        public ObisCode[] Registers;

        /// <summary>Programming mode: the read command type, '1' (R1) or '5' (R5, the manufacturer's variant some meters need).</summary>
        public byte ReadCommandType = (byte)'1';

        /// <summary>Mode D: the meter's fixed baud and framing bits (7E1 by the standard).</summary>
        public int ModeDBaud = IecBaudRates.ModeD;

        /// <summary>Mode D: longest wait for a pushed readout.</summary>
        public int ListenTimeoutMilliseconds = 30000;
    }
}
