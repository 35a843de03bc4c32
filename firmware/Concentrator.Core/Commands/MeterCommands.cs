using System.Text;
using Concentrator.Core.Configuration;
using Concentrator.Core.Meters;
using Concentrator.Core.Scheduling;

namespace Concentrator.Core.Commands
{
    /// <summary>The meter inventory and poll interval commands: MADD, MDEL, MLIST, POLL.</summary>
    public static class MeterCommands
    {
        /// <summary>
        /// MADD: adds a meter (ID, PORT and PROTO required), or changes the given parameters of the meter with that ID.
        /// A new meter without INT gets the configured poll interval. Reply: the meter, its password masked.
        /// </summary>
        public static string Add(ConcentratorConfiguration next, ParameterList parameters)
        {
            string id = parameters.Find("ID");
            if (id == null || !ConfigValues.IsName(id))
            {
                return CommandReplies.ParameterValueIncorrect;
            }

            int index = next.IndexOfMeter(id);
            MeterDefinition meter;
            if (index >= 0)
            {
                meter = next.Meter(index);
            }
            else
            {
                if (parameters.Find("PORT") == null || parameters.Find("PROTO") == null
                    || next.MeterCount == ConcentratorConfiguration.MaxMeters)
                {
                    return CommandReplies.ParameterValueIncorrect;
                }

                meter = new MeterDefinition();
                meter.IntervalSeconds = next.PollIntervalSeconds;
            }

            for (int i = 0; i < parameters.Count; i++)
            {
                string name = parameters.Name(i);
                string expected;
                if (name != CommandSyntax.PasswordName
                    && MeterDefinitionText.Apply(meter, name, parameters.Value(i), out expected) != SettingResult.Ok)
                {
                    return CommandReplies.ParameterValueIncorrect;
                }
            }

            if (meter.Port == MeterPort.Tcp && TcpProblem(next, meter) != null)
            {
                return CommandReplies.ParameterValueIncorrect;
            }

            next.PutMeter(meter);
            return MeterDefinitionText.Format(meter, false);
        }

        /// <summary>
        /// Why a TCP meter cannot be read beside the inventory's other meters (Core's <see cref="TcpEndpointPlan"/>: its
        /// address, its protocol at its interval, a stream sharing a connection, one endpoint more than the board
        /// reads), or null. <paramref name="meter"/> replaces the entry with its id, or comes last when it is new.
        /// </summary>
        public static string TcpProblem(ConcentratorConfiguration configuration, MeterDefinition meter)
        {
            MeterDefinition[] meters = new MeterDefinition[configuration.MeterCount + 1];
            int count = 0;
            for (int i = 0; i < configuration.MeterCount; i++)
            {
                MeterDefinition other = configuration.Meter(i);
                if (other.Id != meter.Id)
                {
                    meters[count++] = other;
                }
            }

            meters[count++] = meter;
            return TcpEndpointPlan.From(meters, count).ReasonFor(meter.Id);
        }

        /// <summary>MDEL ID=…: removes the meter. Reply: <c>MDEL=id N=meters left</c>.</summary>
        public static string Delete(ConcentratorConfiguration next, ParameterList parameters)
        {
            string id = parameters.Find("ID");
            if (id == null || !next.RemoveMeter(id))
            {
                return CommandReplies.ParameterValueIncorrect;
            }

            return "MDEL=" + id + " N=" + next.MeterCount.ToString();
        }

        /// <summary>
        /// MLIST [FROM=n]: <c>N=total 1=id:PORT/PROTO 2=…</c> from entry n (1-based) on, as many as fit one SMS; when
        /// more remain, the reply ends with <c>NEXT=k</c> for the next MLIST.
        /// </summary>
        public static string List(ConcentratorConfiguration configuration, ParameterList parameters)
        {
            int from = 1;
            string fromText = parameters.Find("FROM");
            if (fromText != null && !ConfigValues.TryParseNumber(fromText, 1, ConcentratorConfiguration.MaxMeters, out from))
            {
                return CommandReplies.ParameterValueIncorrect;
            }

            StringBuilder text = new StringBuilder(160);
            text.Append("N=");
            text.Append(configuration.MeterCount.ToString());
            const int room = Gsm7Bit.MaxSeptets - 8; // keep space for " NEXT=nn"
            for (int i = from - 1; i < configuration.MeterCount; i++)
            {
                string entry = " " + (i + 1).ToString() + "=" + MeterDefinitionText.Summary(configuration.Meter(i));
                if (text.Length + entry.Length > room)
                {
                    text.Append(" NEXT=");
                    text.Append((i + 1).ToString());
                    break;
                }

                text.Append(entry);
            }

            return text.ToString();
        }

        /// <summary>
        /// POLL INT=s: every polled meter (INT not 0) and every meter added later polls at s seconds. POLL ID=x INT=s:
        /// that meter only (0 for a meter that pushes). Reply: the parameters as applied.
        /// </summary>
        public static string Poll(ConcentratorConfiguration next, ParameterList parameters)
        {
            string intervalText = parameters.Find("INT");
            string id = parameters.Find("ID");
            int interval;
            if (intervalText == null)
            {
                return CommandReplies.ParameterValueIncorrect;
            }

            if (id != null)
            {
                int index = next.IndexOfMeter(id);
                string expected;
                if (index < 0 || MeterDefinitionText.Apply(next.Meter(index), "INT", intervalText, out expected) != SettingResult.Ok)
                {
                    return CommandReplies.ParameterValueIncorrect;
                }

                return "ID=" + id + " INT=" + next.Meter(index).IntervalSeconds.ToString();
            }

            if (!ConfigValues.TryParseNumber(intervalText, 10, MeterDefinitionText.MaxIntervalSeconds, out interval))
            {
                return CommandReplies.ParameterValueIncorrect;
            }

            next.PollIntervalSeconds = interval;
            int changed = 0;
            for (int i = 0; i < next.MeterCount; i++)
            {
                MeterDefinition meter = next.Meter(i);
                if (meter.IntervalSeconds != 0)
                {
                    meter.IntervalSeconds = interval;
                    changed++;
                }
            }

            return "INT=" + interval.ToString() + " N=" + changed.ToString();
        }
    }
}
