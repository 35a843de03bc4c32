using Concentrator.App.Settings;
using Concentrator.Core.Boards;
using Concentrator.Core.Configuration;
using Concentrator.Core.Meters;
using Concentrator.Drivers.Esp32;

namespace Concentrator.App.Ports
{
    /// <summary>
    /// Which ports run, decided once at start from the meter inventory (<c>meter=</c> lines) and checked against the
    /// board profile's UART budget (Core's <see cref="UartGrants"/>) before anything is opened. Ports are
    /// granted in a fixed order, P1, optical, RS485, SML head, each only if it still fits beside those granted before
    /// it (and beside the modem's UART); a port that does not fit keeps its reason (<see cref="Problem"/>), is reported on
    /// its meters' error topics, and the others still run. TCP meters need no UART: their port runs whenever the
    /// inventory has one, and Core's <see cref="Concentrator.Core.Scheduling.TcpEndpointPlan"/> (in
    /// <see cref="TcpPortStarter"/>) decides their connections. An inventory without meters runs the P1 port alone, as
    /// <c>p1.meter_id</c> (the first milestone's configuration).
    /// </summary>
    public sealed class PortPlan
    {
        private const int PortCount = 5;

        private readonly MeterDefinition[][] _meters = new MeterDefinition[PortCount][];
        private readonly bool[] _granted = new bool[PortCount];
        private readonly string[] _problems = new string[PortCount];

        /// <summary>The meters of a port from the inventory (empty when none).</summary>
        public MeterDefinition[] Meters(MeterPort port)
        {
            return _meters[(int)port];
        }

        /// <summary>True when the port has meters and may run.</summary>
        public bool Runs(MeterPort port)
        {
            return _granted[(int)port];
        }

        /// <summary>Why a port with meters does not run (null when it runs or has no meters).</summary>
        public string Problem(MeterPort port)
        {
            return _problems[(int)port];
        }

        /// <summary>One line for the log: which ports run with how many meters, and which cannot.</summary>
        public string Describe()
        {
            string text = string.Empty;
            for (int p = 0; p < PortCount; p++)
            {
                if (_meters[p].Length == 0)
                {
                    continue;
                }

                text += (text.Length == 0 ? string.Empty : "; ") + Name((MeterPort)p) + ": " + _meters[p].Length.ToString() + " meter(s), "
                    + (_granted[p] ? "runs" : "off (" + _problems[p] + ")");
            }

            return text.Length == 0 ? "no meters" : text;
        }

        public static string Name(MeterPort port)
        {
            switch (port)
            {
                case MeterPort.Optical:
                    return "optical port";
                case MeterPort.Rs485:
                    return "RS485 bus";
                case MeterPort.P1:
                    return "P1 port";
                case MeterPort.SmlPush:
                    return "SML head";
                default:
                    return "TCP meters";
            }
        }

        public static PortPlan From(ConcentratorConfiguration configuration, ConcentratorSettings settings)
        {
            PortPlan plan = new PortPlan();
            int[] counts = new int[PortCount];
            for (int i = 0; i < configuration.MeterCount; i++)
            {
                counts[(int)configuration.Meter(i).Port]++;
            }

            for (int p = 0; p < PortCount; p++)
            {
                plan._meters[p] = new MeterDefinition[counts[p]];
                counts[p] = 0;
            }

            for (int i = 0; i < configuration.MeterCount; i++)
            {
                MeterDefinition meter = configuration.Meter(i);
                plan._meters[(int)meter.Port][counts[(int)meter.Port]++] = meter;
            }

            if (configuration.MeterCount == 0)
            {
                MeterDefinition p1 = new MeterDefinition();
                p1.Id = settings.P1MeterId;
                p1.Port = MeterPort.P1;
                p1.Protocol = MeterProtocol.Dsmr;
                p1.IntervalSeconds = 0;
                plan._meters[(int)MeterPort.P1] = new MeterDefinition[] { p1 };
            }

            int modemCom = settings.HasModem ? Esp32Uart.PortNumber(settings.ModemPortName) : 0;
            UartGrants grants = new UartGrants(settings.Board, modemCom, "the GSM modem (modem.port)");
            plan.Grant(MeterPort.P1, UartRole.P1, grants);
            plan.Grant(MeterPort.Optical, UartRole.Optical, grants);
            plan.Grant(MeterPort.Rs485, UartRole.Rs485, grants);
            plan.Grant(MeterPort.SmlPush, UartRole.SmlPush, grants);
            // TCP meters need no UART: Core's TcpEndpointPlan (TcpPortStarter) decides their connections and limit.
            plan._granted[(int)MeterPort.Tcp] = plan._meters[(int)MeterPort.Tcp].Length > 0;

            return plan;
        }

        private void Grant(MeterPort port, UartRole role, UartGrants grants)
        {
            int p = (int)port;
            if (_meters[p].Length == 0)
            {
                return;
            }

            if ((port == MeterPort.P1 || port == MeterPort.SmlPush) && _meters[p].Length > 1)
            {
                _problems[p] = "a " + Name(port) + " carries one meter, the inventory has " + _meters[p].Length.ToString();
                return;
            }

            string problem;
            if (grants.TryGrant(role, out problem))
            {
                _granted[p] = true;
            }
            else
            {
                _problems[p] = problem;
            }
        }
    }
}
