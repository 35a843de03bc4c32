using System.Text;
using Concentrator.Core.Configuration;
using Concentrator.Core.Timing;

namespace Concentrator.Core.Commands
{
    /// <summary>
    /// Runs the SMS-style text commands of the 2N MeterCom PRO manual (4.2): <c>MCP INFO</c>, <c>MCP CNF</c>,
    /// <c>MCP RESET</c>, and the concentrator's extensions in the same style (NET, MQTT, MADD, MDEL, MLIST, POLL, DIAG,
    /// CAPT; see the README beside this file). A message is checked completely before anything changes: on any error
    /// the reply is one of the manual's six error texts and nothing is applied. A change is made on a copy of the
    /// configuration, saved through the <see cref="ConfigurationStore"/>, and only then becomes the current one.
    /// </summary>
    public sealed class CommandExecutor : ICommandHandler
    {
        /// <summary>Most parameters a message may carry (MADD: PWD and nine).</summary>
        public const int MaxParameters = 10;

        private readonly ConfigurationStore _store;
        private readonly IMillisecondClock _clock;
        private readonly IDiagnosticsSource _diagnostics;
        private readonly IFrameCapture _capture;
        private readonly ICommandEffects _effects;
        private readonly ParameterList _parameters = new ParameterList(MaxParameters + 1);
        private readonly PasswordGuard _guard = new PasswordGuard();
        private readonly ConcentratorStatus _status = new ConcentratorStatus();
        private readonly MeterDiagnostics _meter = new MeterDiagnostics();
        private readonly object _gate = new object();
        private bool _restartPending;
        private bool _changed;

        /// <param name="diagnostics">may be null (INFO and DIAG then show what the configuration knows)</param>
        /// <param name="capture">may be null (CAPT then replies CAPT=UNAVAILABLE)</param>
        /// <param name="effects">may be null</param>
        public CommandExecutor(ConfigurationStore store, ConcentratorConfiguration current, IMillisecondClock clock,
            IDiagnosticsSource diagnostics, IFrameCapture capture, ICommandEffects effects)
        {
            if (store == null)
            {
                throw new System.ArgumentNullException("store");
            }

            if (current == null)
            {
                throw new System.ArgumentNullException("current");
            }

            if (clock == null)
            {
                throw new System.ArgumentNullException("clock");
            }

            _store = store;
            Current = current;
            _clock = clock;
            _diagnostics = diagnostics;
            _capture = capture;
            _effects = effects;
        }

        /// <summary>The configuration in force; replaced (never changed in place) when a command saves a new one.</summary>
        public ConcentratorConfiguration Current { get; private set; }

        public PasswordGuard Guard
        {
            get { return _guard; }
        }

        /// <summary>Messages answered with something other than an error reply.</summary>
        public int Accepted { get; private set; }

        /// <summary>Messages answered with an error reply.</summary>
        public int Rejected { get; private set; }

        /// <summary>True after a RESET was accepted (<see cref="Handle"/> passes it on to the effects).</summary>
        public bool RestartPending
        {
            get { return _restartPending; }
        }

        /// <summary>Runs one message, sends its reply, then tells the effects. Channels on several threads take turns.</summary>
        public void Handle(string text, ICommandReply reply)
        {
            bool changed;
            bool restart;
            ConcentratorConfiguration current;
            lock (_gate)
            {
                string answer = Execute(text);
                reply.Send(answer);
                changed = _changed && _effects != null;
                restart = _restartPending && _effects != null;
                if (changed)
                {
                    _changed = false;
                }

                if (restart)
                {
                    _restartPending = false;
                }

                current = Current;
            }

            if (changed)
            {
                _effects.ConfigurationApplied(current);
            }

            if (restart)
            {
                _effects.RestartRequested();
            }
        }

        /// <summary>Runs one message and returns its reply (one SMS long at most).</summary>
        public string Execute(string text)
        {
            lock (_gate)
            {
                string reply = Run(text);
                if (IsError(reply))
                {
                    Rejected++;
                }
                else
                {
                    Accepted++;
                }

                return Fit(reply);
            }
        }

        public static bool IsError(string reply)
        {
            return reply == CommandReplies.UnknownCommand || reply == CommandReplies.PasswordMissing
                || reply == CommandReplies.PasswordIncorrect || reply == CommandReplies.TooManyParameters
                || reply == CommandReplies.UnknownParameter || reply == CommandReplies.ParameterValueIncorrect
                || reply == CommandReplies.NotSaved;
        }

        private string Run(string text)
        {
            if (text == null)
            {
                return CommandReplies.UnknownCommand;
            }

            int start = 0;
            int end = text.Length;
            while (start < end && IsBlank(text[start]))
            {
                start++;
            }

            while (end > start && IsBlank(text[end - 1]))
            {
                end--;
            }

            if (start != 0 || end != text.Length)
            {
                text = text.Substring(start, end - start);
            }

            // Manual 4.2: one 7-bit SMS of at most 160 characters; anything else cannot be processed.
            if (!Gsm7Bit.FitsOneMessage(text))
            {
                return CommandReplies.UnknownCommand;
            }

            if (text.Length < 4 || text[0] != 'M' || text[1] != 'C' || text[2] != 'P' || text[3] != ' ')
            {
                return CommandReplies.UnknownCommand;
            }

            int wordStart = 4;
            while (wordStart < text.Length && text[wordStart] == ' ')
            {
                wordStart++;
            }

            int wordEnd = wordStart;
            while (wordEnd < text.Length && text[wordEnd] != ' ')
            {
                wordEnd++;
            }

            CommandKind kind = CommandSyntax.Find(text.Substring(wordStart, wordEnd - wordStart));
            if (kind == CommandKind.Unknown)
            {
                return CommandReplies.UnknownCommand;
            }

            bool parsed = _parameters.Parse(text, wordEnd);
            string password = _parameters.Find(CommandSyntax.PasswordName);
            if (password == null || password.Length == 0)
            {
                return CommandReplies.PasswordMissing;
            }

            if (!_guard.Check(password, Current.AdminPassword, _clock.NowMilliseconds))
            {
                return CommandReplies.PasswordIncorrect;
            }

            if (!parsed)
            {
                switch (_parameters.Error)
                {
                    case ParameterError.TooMany:
                        return CommandReplies.TooManyParameters;
                    case ParameterError.NoName:
                        return CommandReplies.UnknownParameter;
                    default:
                        return CommandReplies.ParameterValueIncorrect;
                }
            }

            if (_parameters.Count > CommandSyntax.Parameters(kind).Length + 1 || _parameters.HasDuplicate())
            {
                return CommandReplies.TooManyParameters;
            }

            for (int i = 0; i < _parameters.Count; i++)
            {
                string name = _parameters.Name(i);
                if (name != CommandSyntax.PasswordName && !CommandSyntax.Takes(kind, name))
                {
                    return CommandReplies.UnknownParameter;
                }
            }

            switch (kind)
            {
                case CommandKind.Info:
                    return Info();
                case CommandKind.Reset:
                    _restartPending = true;
                    return CommandReplies.Ok;
                case CommandKind.MeterList:
                    return MeterCommands.List(Current, _parameters);
                case CommandKind.Diagnostics:
                    return Diagnostics();
                case CommandKind.Capture:
                    return Capture();
                default:
                    return Change(kind);
            }
        }

        // CNF, NET, MQTT, MADD, MDEL, POLL: build the new configuration on a copy, save it, then swap it in.
        private string Change(CommandKind kind)
        {
            ConcentratorConfiguration next = Current.Clone();
            string reply;
            if (kind == CommandKind.MeterAdd)
            {
                reply = MeterCommands.Add(next, _parameters);
            }
            else if (kind == CommandKind.MeterDelete)
            {
                reply = MeterCommands.Delete(next, _parameters);
            }
            else if (kind == CommandKind.Poll)
            {
                reply = MeterCommands.Poll(next, _parameters);
            }
            else
            {
                reply = SettingCommands.Apply(kind, next, _parameters);
            }

            if (IsError(reply))
            {
                return reply;
            }

            // A configuration that can run is never turned into one that cannot (NET MODE=GSM without an APN, an
            // empty SSID): the board would not come back after the next start. A new board is set up step by step.
            if (Current.Validate() == null && next.Validate() != null)
            {
                return CommandReplies.ParameterValueIncorrect;
            }

            if (!_store.Save(next))
            {
                return CommandReplies.NotSaved;
            }

            Current = next;
            _changed = true;
            return reply;
        }

        // Manual 4.2: EM_ID=11620371 SN=50-1008-0004 SIG=-57dBm LIP=89.24.0.201 STAT=GSM TECH=GPRS
        private string Info()
        {
            FillStatus();
            ConcentratorConfiguration configuration = Current;
            StringBuilder text = new StringBuilder(160);
            text.Append("EM_ID=");
            if (configuration.MeterCount > 0)
            {
                text.Append(configuration.Meter(0).Id);
                if (configuration.MeterCount > 1)
                {
                    text.Append('+');
                    text.Append((configuration.MeterCount - 1).ToString());
                }
            }

            text.Append(" SN=");
            text.Append(configuration.DeviceId);
            AppendSignal(text);

            text.Append(" LIP=");
            text.Append(_status.LocalIp);
            text.Append(" STAT=");
            text.Append(_status.State);
            text.Append(" TECH=");
            text.Append(_status.Technology.Length != 0 ? _status.Technology : Technology(configuration.Network));
            AppendDefaultPasswordFlag(text);
            return text.ToString();
        }

        private string Diagnostics()
        {
            string id = _parameters.Find("ID");
            if (id != null)
            {
                return MeterDiagnosticsReply(id);
            }

            FillStatus();
            StringBuilder text = new StringBuilder(160);
            text.Append("UP=");
            text.Append(_status.UptimeSeconds.ToString());
            text.Append("s MTRS=");
            text.Append(Current.MeterCount.ToString());
            text.Append(" OFF=");
            text.Append(_status.MetersOffline.ToString());
            text.Append(" RD=");
            text.Append(_status.Readings.ToString());
            text.Append(" ERR=");
            text.Append(_status.Failures.ToString());
            text.Append(" Q=");
            text.Append(_status.QueueDepth.ToString());
            text.Append(" DROP=");
            text.Append(_status.QueueDropped.ToString());
            text.Append(" MQTT=");
            text.Append(_status.BrokerConnected ? "UP" : "DOWN");
            text.Append(" HEAP=");
            text.Append(_status.FreeHeap < 0 ? "" : _status.FreeHeap.ToString());
            text.Append(" PWDFAIL=");
            text.Append(_guard.Failures.ToString());
            AppendSignal(text);
            text.Append(" LIP=");
            text.Append(_status.LocalIp);
            AppendDefaultPasswordFlag(text);
            return text.ToString();
        }

        private string MeterDiagnosticsReply(string id)
        {
            if (Current.IndexOfMeter(id) < 0)
            {
                return CommandReplies.ParameterValueIncorrect;
            }

            _meter.Clear();
            bool known = _diagnostics != null && _diagnostics.FillMeter(id, _meter);
            StringBuilder text = new StringBuilder(160);
            text.Append("ID=");
            text.Append(id);
            text.Append(" ST=");
            text.Append(!known || (_meter.Readings == 0 && _meter.Failures == 0 && !_meter.Offline) ? "NEW" : _meter.Offline ? "OFFLINE" : _meter.ConsecutiveFailures > 0 ? "FAILING" : "OK");
            text.Append(" RD=");
            text.Append(_meter.Readings.ToString());
            text.Append(" ERR=");
            text.Append(_meter.Failures.ToString());
            text.Append(" SEQ=");
            text.Append(_meter.ConsecutiveFailures.ToString());
            text.Append(" AGE=");
            text.Append(_meter.SecondsSinceReading < 0 ? "" : _meter.SecondsSinceReading.ToString() + "s");
            text.Append(" LINK=");
            text.Append(ParameterList.Quote(_meter.WorkingLink));
            text.Append(" LAST=");
            text.Append(ParameterList.Quote(_meter.LastError));
            return text.ToString();
        }

        private string Capture()
        {
            string id = _parameters.Find("ID");
            if (id == null || Current.IndexOfMeter(id) < 0)
            {
                return CommandReplies.ParameterValueIncorrect;
            }

            int sessions = 1;
            string count = _parameters.Find("N");
            if (count != null && !ConfigValues.TryParseNumber(count, 1, 10, out sessions))
            {
                return CommandReplies.ParameterValueIncorrect;
            }

            if (_capture == null)
            {
                return "CAPT=UNAVAILABLE ID=" + id;
            }

            if (!_capture.Arm(id, sessions))
            {
                return "CAPT=BUSY ID=" + id;
            }

            return "CAPT=ARMED ID=" + id + " N=" + sessions.ToString();
        }

        private void FillStatus()
        {
            _status.Clear();
            if (_diagnostics != null)
            {
                _diagnostics.FillStatus(_status);
            }
        }

        private void AppendSignal(StringBuilder text)
        {
            text.Append(" SIG=");
            if (_status.SignalDbm != ConcentratorStatus.UnknownSignal)
            {
                text.Append(_status.SignalDbm.ToString());
                text.Append("dBm");
            }
        }

        private void AppendDefaultPasswordFlag(StringBuilder text)
        {
            if (Current.UsesDefaultPassword)
            {
                text.Append(' ');
                text.Append(CommandReplies.DefaultPasswordFlag);
            }
        }

        private static string Technology(NetworkMode mode)
        {
            switch (mode)
            {
                case NetworkMode.Ethernet:
                    return "ETH";
                case NetworkMode.Gsm:
                    return "GPRS";
                default:
                    return "WIFI";
            }
        }

        /// <summary>Cuts a reply to one SMS (160 septets), at the last space that fits.</summary>
        public static string Fit(string reply)
        {
            if (Gsm7Bit.FitsOneMessage(reply))
            {
                return reply;
            }

            int septets = 0;
            int lastSpace = -1;
            for (int i = 0; i < reply.Length; i++)
            {
                int width = Gsm7Bit.SeptetCount(reply.Substring(i, 1));
                if (width < 0)
                {
                    width = 1;
                }

                if (septets + width > Gsm7Bit.MaxSeptets)
                {
                    return reply.Substring(0, lastSpace > 0 ? lastSpace : i);
                }

                septets += width;
                if (reply[i] == ' ')
                {
                    lastSpace = i;
                }
            }

            return reply;
        }

        private static bool IsBlank(char c)
        {
            return c == ' ' || c == '\r' || c == '\n' || c == '\t';
        }
    }
}
