using Concentrator.Core.Io;

namespace Concentrator.App.Ports
{
    /// <summary>Opens a port's driver (UART routed and opened); a status instead of an exception.</summary>
    public delegate LinkStatus PortOpen();

    /// <summary>Closes a port's driver; always safe.</summary>
    public delegate void PortClose();

    /// <summary>A text about a port: its last problem, or what to say once it is open (null for nothing).</summary>
    public delegate string PortText();

    /// <summary>
    /// What a port thread needs of a driver (<c>OpticalPort</c>, <c>Rs485Port</c>, <c>P1Port</c>, <c>SmlOpticalPort</c>
    /// share the shape but no interface beyond the byte link): its name for messages, open, close and its last problem.
    /// </summary>
    public sealed class PortHandle
    {
        public PortHandle(string name, PortOpen open, PortClose close, PortText lastProblem)
        {
            Name = name;
            Open = open;
            Close = close;
            LastProblem = lastProblem;
        }

        /// <summary>"optical port COM2", for the log and the error topics.</summary>
        public string Name { get; private set; }

        public PortOpen Open { get; private set; }

        public PortClose Close { get; private set; }

        public PortText LastProblem { get; private set; }

        /// <summary>Called once after each successful open: a warning to report (P1: inversion unavailable), or null.</summary>
        public PortText Opened { get; set; }
    }
}
