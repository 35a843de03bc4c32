using Concentrator.Core.Iec62056;

namespace Concentrator.Core.Diagnostics
{
    /// <summary>
    /// The link settings of the last good IEC 62056-21 session as text for DIAG: mode, negotiated baud and framing, and
    /// how it got there: "IEC C 9600 7E1", "IEC C 2400 7E1 fallback from 9600" (the baud ladder or the per-meter memory
    /// stepped down), "IEC C 9600 7E1 cap (meter 19200)" (a port or BAUD cap), "attempt 2", "echo". Rebuilt only when one
    /// of these changes, so calling <see cref="Update"/> after every good read allocates nothing in steady state.
    /// </summary>
    public sealed class IecWorkingLink
    {
        private IecProtocolMode _mode;
        private int _baud = -1;
        private int _offered;
        private int _cap;
        private int _attempts;
        private bool _echo;

        public IecWorkingLink()
        {
            Text = string.Empty;
        }

        /// <summary>"" before the first good session.</summary>
        public string Text { get; private set; }

        /// <summary>After a good session: takes its settings (<paramref name="portCap"/>, <paramref name="meterCap"/>: 0 = none).</summary>
        public string Update(IecSession session, int portCap, int meterCap)
        {
            IecIdentification id = session.Identification;

            // A meter that offers mode E ("\2" in its identification) and was read by the option select ran mode C.
            IecProtocolMode mode = id.Mode == IecProtocolMode.E && session.Outcome != IecSessionOutcome.HandedOver ? IecProtocolMode.C : id.Mode;
            int offered = id.MaximumBaud;
            int cap = offered;
            if (portCap > 0 && portCap < cap)
            {
                cap = portCap;
            }

            if (meterCap > 0 && meterCap < cap)
            {
                cap = meterCap;
            }

            int baud = session.NegotiatedBaud;
            int attempts = session.Attempts;
            bool echo = session.EchoDetected;
            if (baud == _baud && mode == _mode && offered == _offered && cap == _cap && attempts == _attempts && echo == _echo)
            {
                return Text;
            }

            _baud = baud;
            _mode = mode;
            _offered = offered;
            _cap = cap;
            _attempts = attempts;
            _echo = echo;
            string text = "IEC " + ModeLetter(mode) + " " + baud.ToString() + " 7E1";
            if (baud < cap)
            {
                text += " fallback from " + cap.ToString();
            }
            else if (baud < offered)
            {
                text += " cap (meter " + offered.ToString() + ")";
            }

            if (attempts > 1)
            {
                text += " attempt " + attempts.ToString();
            }

            if (echo)
            {
                text += " echo";
            }

            Text = text;
            return text;
        }

        private static string ModeLetter(IecProtocolMode mode)
        {
            switch (mode)
            {
                case IecProtocolMode.A:
                    return "A";
                case IecProtocolMode.B:
                    return "B";
                case IecProtocolMode.C:
                    return "C";
                case IecProtocolMode.D:
                    return "D";
                default:
                    return "E";
            }
        }
    }
}
