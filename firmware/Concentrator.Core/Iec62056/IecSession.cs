using System;
using Concentrator.Core.Io;
using Concentrator.Core.Obis;
using Concentrator.Core.Readings;
using Concentrator.Core.Timing;

namespace Concentrator.Core.Iec62056
{
    /// <summary>
    /// The reader's side of IEC 62056-21 as an explicit state machine (<see cref="IecSessionState"/>): optional NUL
    /// wake-up, sign-on at 300 7E1 with "/?address!", identification, then by mode: A (readout at 300), B (both switch
    /// without acknowledgement), C (option select at the old baud, switch once it has left the UART plus a settle time),
    /// E (option select "2 Z 2", then the link is handed over at the new baud, 8N1), programming mode (P1 password,
    /// R1/R5 register reads, B0 break), or D (listen for the pushed readout).
    /// Every wait is bounded (reaction, inter-character and whole-attempt timeouts on an <see cref="IMillisecondClock"/>);
    /// a failed attempt steps down the baud ladder (… 9600, 4800, 2400, … then a 300-baud readout), and with an
    /// <see cref="IecBaudMemory"/> the baud that worked is remembered per meter. The probe's echo is removed.
    /// One thread owns a session; <see cref="Run"/> allocates nothing in steady state.
    /// </summary>
    public sealed class IecSession
    {
        private const int ReadBufferSize = 256;
        private const int MaxOutgoing = 96;

        private readonly IByteLink _link;
        private readonly IMillisecondClock _clock;
        private readonly IecMessageDecoder _decoder;
        private readonly IecBaudMemory _memory;
        private readonly IecEchoFilter _echo;
        private readonly byte[] _rx = new byte[ReadBufferSize];
        private readonly byte[] _tx = new byte[MaxOutgoing];
        private readonly ReadingSet _registers;
        private readonly IecModeEHandover _handover = new IecModeEHandover();

        private IecSessionOptions _options;
        private byte[] _pending;
        private int _pendingPos;
        private int _pendingLength;
        private long _txBusyUntil;
        private long _attemptDeadline;
        private bool _linkFailed;
        private bool _silent;
        private bool _anyAnswer;
        private bool _identifiedEver;
        private int _cap;
        private int _registerIndex;
        private bool _passwordRejected;
        private string _problem;
        private bool _problemHasDecoderError;
        private long _firstDataByteAt;

        public IecSession(IByteLink link, IMillisecondClock clock, IecMessageDecoder decoder, IecBaudMemory memory)
        {
            if (link == null)
            {
                throw new ArgumentNullException("link");
            }

            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            if (decoder == null)
            {
                throw new ArgumentNullException("decoder");
            }

            _link = link;
            _clock = clock;
            _decoder = decoder;
            _memory = memory;
            _echo = new IecEchoFilter(MaxOutgoing, ReadBufferSize);
            _registers = new ReadingSet(32, 1024);
        }

        public IecSessionState State { get; private set; }

        public IecSessionOutcome Outcome { get; private set; }

        /// <summary>The readout (or the registers read in programming mode) after a good session.</summary>
        public ReadingSet Readings
        {
            get { return _options != null && _options.Request == IecRequest.Registers ? _registers : _decoder.Readings; }
        }

        /// <summary>The meter's identification (after a session got that far).</summary>
        public IecIdentification Identification
        {
            get { return _decoder.Identification; }
        }

        /// <summary>Mode E: the link at its new baud, for the HDLC client (valid when <see cref="Outcome"/> is HandedOver).</summary>
        public IecModeEHandover Handover
        {
            get { return _handover; }
        }

        /// <summary>The baud of the data phase of the last attempt (300 for mode A and the last fallback).</summary>
        public int NegotiatedBaud { get; private set; }

        public int Attempts { get; private set; }

        public bool EchoDetected
        {
            get { return _echo.EchoDetected; }
        }

        /// <summary>Milliseconds the last <see cref="Run"/> took on the session's clock.</summary>
        public long ElapsedMilliseconds { get; private set; }

        /// <summary>Milliseconds from the first byte of the data message to its BCC, for the last good readout (0 otherwise).</summary>
        public long ReadoutMilliseconds { get; private set; }

        /// <summary>Bytes of the last good data message, STX to BCC.</summary>
        public int ReadoutBytes { get; private set; }

        /// <summary>Why the last attempt failed, naming the check (null after a clean first attempt). Builds a string: for reports.</summary>
        public string LastProblem
        {
            get
            {
                if (_problem == null)
                {
                    return null;
                }

                return _problemHasDecoderError ? _problem + ": " + _decoder.LastError.ToString() : _problem;
            }
        }

        /// <summary>Runs one complete session with these options; returns (and keeps in <see cref="Outcome"/>) how it ended.</summary>
        public IecSessionOutcome Run(IecSessionOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException("options");
            }

            if (options.Request == IecRequest.Registers && (options.Registers == null || options.Registers.Length == 0))
            {
                throw new ArgumentException("programming mode needs at least one register");
            }

            _options = options;
            long started = _clock.NowMilliseconds;
            Outcome = IecSessionOutcome.None;
            Attempts = 0;
            NegotiatedBaud = 0;
            _problem = null;
            _problemHasDecoderError = false;
            _linkFailed = false;
            _anyAnswer = false;
            _identifiedEver = false;
            _passwordRejected = false;
            _pendingLength = 0;
            _txBusyUntil = started;
            _echo.Reset(options.Echo);
            _decoder.Reset();
            _registers.Clear();
            _handover.Link = null;
            ReadoutMilliseconds = 0;
            ReadoutBytes = 0;
            _firstDataByteAt = -1;
            _cap = InitialCap(options);
            State = options.Request == IecRequest.Listen ? IecSessionState.Listen : options.WakeUpMilliseconds > 0 ? IecSessionState.WakeUp : IecSessionState.SignOn;
            while (State != IecSessionState.Done)
            {
                State = Step(State);
            }

            ElapsedMilliseconds = _clock.NowMilliseconds - started;
            return Outcome;
        }

        private int InitialCap(IecSessionOptions options)
        {
            int cap = options.PortMaximumBaud > 0 ? options.PortMaximumBaud : 19200;
            if (options.MeterMaximumBaud > 0 && options.MeterMaximumBaud < cap)
            {
                cap = options.MeterMaximumBaud;
            }

            int remembered = _memory != null ? _memory.Recall(options.Address) : 0;
            if (remembered > 0 && remembered < cap)
            {
                cap = remembered;
            }

            return IecBaudRates.HighestAtMost(cap);
        }

        private IecSessionState Step(IecSessionState state)
        {
            switch (state)
            {
                case IecSessionState.WakeUp:
                    return WakeUp();
                case IecSessionState.SignOn:
                    return SignOn();
                case IecSessionState.AwaitIdentification:
                    return AwaitIdentification();
                case IecSessionState.OptionSelect:
                    return OptionSelect();
                case IecSessionState.SwitchBaud:
                    return SwitchBaud();
                case IecSessionState.AwaitReadout:
                    return AwaitReadout();
                case IecSessionState.AwaitPasswordRequest:
                    return AwaitPasswordRequest();
                case IecSessionState.SendPassword:
                    return SendPassword();
                case IecSessionState.ReadRegister:
                    return ReadRegister();
                case IecSessionState.Break:
                    return Break();
                case IecSessionState.Listen:
                    return Listen();
                case IecSessionState.RetryPause:
                    return RetryPause();
                default:
                    return Finish(IecSessionOutcome.LinkFailed);
            }
        }

        // IEC 62056-21: a train of NUL characters at 300 baud wakes a battery meter's optical port, then a pause.
        private IecSessionState WakeUp()
        {
            if (!Configure(SignOnLine()))
            {
                return Finish(IecSessionOutcome.LinkFailed);
            }

            int milliseconds = _options.WakeUpMilliseconds > 0 ? _options.WakeUpMilliseconds : IecSessionOptions.DefaultWakeUpMilliseconds;
            int characters = (int)((long)milliseconds * IecBaudRates.SignOn / 10 / 1000);
            Array.Clear(_tx, 0, _tx.Length);
            while (characters > 0)
            {
                int n = characters < _tx.Length ? characters : _tx.Length;
                if (!Send(n, false))
                {
                    return Finish(IecSessionOutcome.LinkFailed);
                }

                characters -= n;
            }

            Drain(_txBusyUntil + _options.WakeUpPauseMilliseconds);
            return IecSessionState.SignOn;
        }

        private IecSessionState SignOn()
        {
            Attempts++;
            _pendingLength = 0;
            _decoder.Reset();
            _attemptDeadline = _clock.NowMilliseconds + HandshakeAllowance();
            if (!Configure(SignOnLine()))
            {
                return Finish(IecSessionOutcome.LinkFailed);
            }

            int length = IecMessageWriter.WriteRequest(_tx, 0, _options.Address);
            if (length < 0)
            {
                throw new ArgumentException("the device address must be at most 32 printable characters without '/', '?' or '!'");
            }

            return Send(length, true) ? IecSessionState.AwaitIdentification : Finish(IecSessionOutcome.LinkFailed);
        }

        private IecSessionState AwaitIdentification()
        {
            IecStatus status = Receive(FirstByteTimeout());
            // Our own request heard back (echo not filtered), stray ACK/NAK, or noise just before a message: keep listening.
            while (status == IecStatus.RequestSeen || status == IecStatus.Acknowledged || status == IecStatus.NegativeAcknowledged || (status == IecStatus.GarbageSkipped && _decoder.InMessage))
            {
                status = Receive(FirstByteTimeout());
            }

            if (status != IecStatus.IdentificationReady)
            {
                return Failed(status, "no identification after the sign-on", false);
            }

            _identifiedEver = true;
            IecIdentification id = _decoder.Identification;
            _attemptDeadline = _clock.NowMilliseconds + HandshakeAllowance();
            switch (id.Mode)
            {
                case IecProtocolMode.A:
                    if (_options.Request != IecRequest.Readout)
                    {
                        return NotSupported("the meter speaks mode A (no option select): only its readout can be had");
                    }

                    NegotiatedBaud = IecBaudRates.SignOn;
                    StartDataPhase();
                    return IecSessionState.AwaitReadout;
                case IecProtocolMode.B:
                    if (_options.Request != IecRequest.Readout)
                    {
                        return NotSupported("the meter speaks mode B (no option select): only its readout can be had");
                    }

                    // IEC 62056-21 mode B: the meter switches right after its identification; we switch at once.
                    NegotiatedBaud = id.MaximumBaud;
                    if (_options.PortMaximumBaud > 0 && NegotiatedBaud > _options.PortMaximumBaud)
                    {
                        return NotSupported("the meter speaks mode B and switches on its own to a baud above what this port follows");
                    }

                    if (!Configure(new LineSettings(NegotiatedBaud, 7, LineParity.Even, 1, false)))
                    {
                        return Finish(IecSessionOutcome.LinkFailed);
                    }

                    StartDataPhase();
                    return IecSessionState.AwaitReadout;
                default:
                    if (_options.Request == IecRequest.Hdlc && !id.SupportsModeE)
                    {
                        return NotSupported("mode E (HDLC) requested, but the identification carries no \\2");
                    }

                    // IEC 62056-21: the reader answers no sooner than the reaction time (20 ms for meters that say so).
                    _clock.Sleep(id.FastReaction ? _options.FastReactionDelayMilliseconds : _options.ReactionDelayMilliseconds);
                    return IecSessionState.OptionSelect;
            }
        }

        private IecSessionState OptionSelect()
        {
            IecIdentification id = _decoder.Identification;
            int baud = IecBaudRates.HighestAtMost(id.MaximumBaud < _cap ? id.MaximumBaud : _cap);
            NegotiatedBaud = baud;
            byte control = _options.Request == IecRequest.Hdlc ? (byte)'2' : (byte)'0';
            byte mode = _options.Request == IecRequest.Hdlc ? (byte)'2' : _options.Request == IecRequest.Registers ? (byte)'1' : (byte)'0';
            int length = IecMessageWriter.WriteOptionSelect(_tx, 0, control, IecBaudRates.ModeCCharacter(baud), mode);
            return Send(length, true) ? IecSessionState.SwitchBaud : Finish(IecSessionOutcome.LinkFailed);
        }

        // The most reported field failure is switching while the option select is still in the UART: wait for its wire
        // time (plus settle), reading off the echo meanwhile, and only then change the line.
        private IecSessionState SwitchBaud()
        {
            // A meter that announced the 20 ms reaction time may answer that soon after the option select: switch in time.
            int settle = _options.SettleMilliseconds;
            if (_decoder.Identification.FastReaction && settle > _options.FastReactionDelayMilliseconds / 2)
            {
                settle = _options.FastReactionDelayMilliseconds / 2;
            }

            Drain(_txBusyUntil + settle);
            bool hdlc = _options.Request == IecRequest.Hdlc;
            LineSettings line = hdlc ? new LineSettings(NegotiatedBaud, 8, LineParity.None, 1, false) : new LineSettings(NegotiatedBaud, 7, LineParity.Even, 1, false);
            if (!Configure(line))
            {
                return Finish(IecSessionOutcome.LinkFailed);
            }

            if (hdlc)
            {
                _handover.Link = _link;
                _handover.Line = line;
                _handover.BaudRate = NegotiatedBaud;
                _handover.Echo = _echo.EchoDetected || _options.Echo == IecEchoMode.On;
                _handover.Identification = _decoder.Identification.ToString();
                Remember(true);
                return Finish(IecSessionOutcome.HandedOver);
            }

            StartDataPhase();
            return _options.Request == IecRequest.Registers ? IecSessionState.AwaitPasswordRequest : IecSessionState.AwaitReadout;
        }

        private IecSessionState AwaitReadout()
        {
            IecStatus status = Receive(FirstByteTimeout());
            while (status == IecStatus.IdentificationReady || status == IecStatus.RequestSeen || status == IecStatus.Acknowledged || (status == IecStatus.GarbageSkipped && _decoder.InMessage))
            {
                status = Receive(FirstByteTimeout());
            }

            if (status == IecStatus.ReadoutReady)
            {
                NoteReadoutTiming();
                Remember(true);
                return Finish(IecSessionOutcome.ReadoutComplete);
            }

            if (status == IecStatus.MalformedLine || status == IecStatus.CapacityExceeded)
            {
                // The bytes arrived intact (BCC good): another attempt would read the same.
                SetProblem("readout rejected", true);
                return Finish(IecSessionOutcome.ReadoutFailed);
            }

            return Failed(status, "no good readout at " + BaudText(), true);
        }

        private IecSessionState AwaitPasswordRequest()
        {
            IecStatus status = Receive(FirstByteTimeout());
            if (status != IecStatus.CommandReady || _decoder.CommandCharacter != (byte)'P')
            {
                return Failed(status, "no operand (P0) request in programming mode at " + BaudText(), true);
            }

            _registerIndex = 0;
            _registers.Clear();
            _registers.Protocol = IecMessageDecoder.ProtocolName;
            ReactionDelay();
            return _options.Password != null && _options.Password.Length > 0 ? IecSessionState.SendPassword : IecSessionState.ReadRegister;
        }

        private IecSessionState SendPassword()
        {
            if (_options.Password.Length > MaxOutgoing - 10)
            {
                throw new ArgumentException("password too long");
            }

            if (!Send(IecMessageWriter.WritePassword(_tx, 0, _options.Password), true))
            {
                return Finish(IecSessionOutcome.LinkFailed);
            }

            IecStatus status = Receive(FirstByteTimeout());
            if (status == IecStatus.NegativeAcknowledged)
            {
                _passwordRejected = true;
                SetProblem("the meter refused the password (NAK to P1)", false);
                ReactionDelay();
                return IecSessionState.Break;
            }

            if (status != IecStatus.Acknowledged)
            {
                return Failed(status, "no answer to the password", true);
            }

            ReactionDelay();
            return IecSessionState.ReadRegister;
        }

        private IecSessionState ReadRegister()
        {
            ObisCode register = _options.Registers[_registerIndex];
            if (!Send(IecMessageWriter.WriteRead(_tx, 0, _options.ReadCommandType, register), true))
            {
                return Finish(IecSessionOutcome.LinkFailed);
            }

            while (true)
            {
                IecStatus status = Receive(FirstByteTimeout());
                if (status == IecStatus.DataBlockReady || status == IecStatus.ReadoutReady)
                {
                    IecStatus parsed = _decoder.ParseBlockInto(_registers, register);
                    if (parsed != IecStatus.ReadoutReady)
                    {
                        SetProblem("register answer rejected", true);
                    }

                    if (_decoder.BlockIsPartial)
                    {
                        // IEC 62056-21 partial blocks: each one acknowledged, the next follows.
                        ReactionDelay();
                        _tx[0] = IecCharacters.Ack;
                        if (!Send(1, true))
                        {
                            return Finish(IecSessionOutcome.LinkFailed);
                        }

                        continue;
                    }

                    break;
                }

                if (status == IecStatus.NegativeAcknowledged)
                {
                    SetProblem("the meter refused a register read (NAK)", false);
                    break;
                }

                return Failed(status, "no answer to a register read", true);
            }

            _registerIndex++;
            ReactionDelay();
            return _registerIndex < _options.Registers.Length ? IecSessionState.ReadRegister : IecSessionState.Break;
        }

        private IecSessionState Break()
        {
            Send(IecMessageWriter.WriteBreak(_tx, 0), true);
            Drain(_txBusyUntil);
            if (_passwordRejected)
            {
                return Finish(IecSessionOutcome.PasswordRejected);
            }

            Remember(true);
            return Finish(IecSessionOutcome.RegistersRead);
        }

        // Mode D: the meter pushes identification and readout at its fixed baud; we only listen.
        private IecSessionState Listen()
        {
            Attempts++;
            if (!Configure(new LineSettings(_options.ModeDBaud, 7, LineParity.Even, 1, false)))
            {
                return Finish(IecSessionOutcome.LinkFailed);
            }

            NegotiatedBaud = _options.ModeDBaud;
            _attemptDeadline = _clock.NowMilliseconds + _options.ListenTimeoutMilliseconds + WireMilliseconds(_options.MaxReadoutBytes, _options.ModeDBaud);
            while (true)
            {
                IecStatus status = Receive(_options.ListenTimeoutMilliseconds);
                if (status == IecStatus.ReadoutReady)
                {
                    NoteReadoutTiming();
                    return Finish(IecSessionOutcome.ReadoutComplete);
                }

                if (status == IecStatus.NeedMoreData)
                {
                    SetProblem(_linkFailed ? "the link failed" : "no pushed readout within the listen time", false);
                    return Finish(_linkFailed ? IecSessionOutcome.LinkFailed : !_anyAnswer ? IecSessionOutcome.NoAnswer : IecSessionOutcome.ReadoutFailed);
                }

                if (status != IecStatus.IdentificationReady)
                {
                    SetProblem("pushed readout rejected", true);
                }
            }
        }

        private IecSessionState RetryPause()
        {
            if (Attempts >= _options.MaxAttempts)
            {
                return Finish(!_anyAnswer ? IecSessionOutcome.NoAnswer : !_identifiedEver ? IecSessionOutcome.IdentificationFailed : IecSessionOutcome.ReadoutFailed);
            }

            DrainUntilQuiet(_options.RetryPauseMilliseconds, _options.MaxQuietWaitMilliseconds);

            // A meter that has not made a sound may be a battery meter asleep: the next attempt wakes it first.
            bool wake = _options.WakeUpMilliseconds > 0 || (!_anyAnswer && _options.WakeUpWhenSilent);
            return wake ? IecSessionState.WakeUp : IecSessionState.SignOn;
        }

        // A failed attempt: record why, step the baud down if the data phase failed, and pause before the next.
        private IecSessionState Failed(IecStatus status, string what, bool dataPhase)
        {
            if (_linkFailed)
            {
                SetProblem("the link failed", false);
                return Finish(IecSessionOutcome.LinkFailed);
            }

            if (status == IecStatus.NeedMoreData)
            {
                SetProblem(_silent ? what + ": the meter was silent" : what + ": the answer stopped", false);
            }
            else
            {
                SetProblem(what, true);
            }

            if (dataPhase && NegotiatedBaud > 0)
            {
                Remember(false);
                int lower = IecBaudRates.StepDown(NegotiatedBaud);
                _cap = lower > 0 ? lower : IecBaudRates.SignOn;
            }
            else if (!dataPhase)
            {
                NegotiatedBaud = 0;
            }

            return IecSessionState.RetryPause;
        }

        private IecSessionState NotSupported(string why)
        {
            SetProblem(why, false);
            return Finish(IecSessionOutcome.NotSupported);
        }

        private IecSessionState Finish(IecSessionOutcome outcome)
        {
            Outcome = outcome;
            return IecSessionState.Done;
        }

        private void Remember(bool success)
        {
            if (_memory == null || NegotiatedBaud == 0 || _options.Request == IecRequest.Listen)
            {
                return;
            }

            if (success)
            {
                _memory.RememberSuccess(_options.Address, NegotiatedBaud);
            }
            else
            {
                _memory.RememberFailure(_options.Address, NegotiatedBaud);
            }
        }

        private void SetProblem(string what, bool withDecoderError)
        {
            _problem = what;
            _problemHasDecoderError = withDecoderError;
        }

        private void NoteReadoutTiming()
        {
            ReadoutBytes = _decoder.BlockLength + 3;
            ReadoutMilliseconds = _firstDataByteAt >= 0 ? _clock.NowMilliseconds - _firstDataByteAt : 0;
        }

        private void StartDataPhase()
        {
            _firstDataByteAt = -1;
            long allowance = _options.TotalTimeoutMilliseconds > 0
                ? _options.TotalTimeoutMilliseconds
                : _options.ReactionTimeoutMilliseconds + WireMilliseconds(_options.MaxReadoutBytes, NegotiatedBaud) * 5 / 4 + 1000;
            _attemptDeadline = _clock.NowMilliseconds + allowance;
        }

        private long HandshakeAllowance()
        {
            return _options.TotalTimeoutMilliseconds > 0 ? _options.TotalTimeoutMilliseconds : 10000;
        }

        private void ReactionDelay()
        {
            _clock.Sleep(_decoder.Identification.FastReaction ? _options.FastReactionDelayMilliseconds : _options.ReactionDelayMilliseconds);
        }

        private int FirstByteTimeout()
        {
            long untilSent = _txBusyUntil - _clock.NowMilliseconds;
            return (int)(untilSent > 0 ? untilSent : 0) + _options.ReactionTimeoutMilliseconds;
        }

        private static LineSettings SignOnLine()
        {
            return new LineSettings(IecBaudRates.SignOn, 7, LineParity.Even, 1, false);
        }

        private LineSettings _line;

        private bool Configure(LineSettings line)
        {
            LinkStatus status = _link.Configure(line);
            if (status != LinkStatus.Ok)
            {
                _linkFailed = true;
                SetProblem(status == LinkStatus.NotSupported ? "the port cannot do this framing" : "the link failed while changing its framing", false);
                return false;
            }

            _line = line;
            return true;
        }

        // Writes _tx[0..count); the bytes take their wire time to leave, which later waits account for.
        private bool Send(int count, bool expectEcho)
        {
            LinkStatus status = _link.Write(_tx, 0, count);
            if (status != LinkStatus.Ok)
            {
                _linkFailed = true;
                SetProblem("the link failed while sending", false);
                return false;
            }

            if (expectEcho)
            {
                _echo.Sent(_tx, 0, count);
            }

            long now = _clock.NowMilliseconds;
            long start = _txBusyUntil > now ? _txBusyUntil : now;
            _txBusyUntil = start + (_line.WireMicroseconds(count) + 999) / 1000;
            return true;
        }

        // Reads (and throws away) whatever arrives until the given time: echo, line noise.
        private void Drain(long until)
        {
            _pendingLength = 0; // what came before our message is no answer to it
            while (true)
            {
                long now = _clock.NowMilliseconds;
                if (now >= until)
                {
                    return;
                }

                int read;
                LinkStatus status = _link.Read(_rx, 0, _rx.Length, (int)(until - now), out read);
                if (status == LinkStatus.Ok && read > 0)
                {
                    _echo.Filter(_rx, 0, read);
                }
                else if (status != LinkStatus.Ok && status != LinkStatus.Timeout)
                {
                    _linkFailed = true;
                    return;
                }
            }
        }

        // Waits until nothing has arrived for `quiet` ms (a meter still sending at a baud we cannot read must finish
        // before it hears the next sign-on), at most `limit` ms.
        private void DrainUntilQuiet(int quiet, int limit)
        {
            _pendingLength = 0;
            long start = _clock.NowMilliseconds;
            long quietUntil = start + quiet;
            while (true)
            {
                long now = _clock.NowMilliseconds;
                long until = quietUntil < start + limit ? quietUntil : start + limit;
                if (now >= until)
                {
                    return;
                }

                int read;
                LinkStatus status = _link.Read(_rx, 0, _rx.Length, (int)(until - now), out read);
                if (status == LinkStatus.Ok && read > 0)
                {
                    quietUntil = _clock.NowMilliseconds + quiet;
                }
                else if (status != LinkStatus.Ok && status != LinkStatus.Timeout)
                {
                    _linkFailed = true;
                    return;
                }
            }
        }

        /// <summary>
        /// Feeds the decoder until it reports a message or failure, or the line stays silent: the first byte within
        /// <paramref name="firstByteTimeout"/>, each next one within the inter-character timeout, everything before the
        /// attempt's deadline. NeedMoreData means silence (<see cref="_silent"/> when nothing came at all) or a link failure.
        /// </summary>
        private IecStatus Receive(int firstByteTimeout)
        {
            _silent = true;
            long waitUntil = _clock.NowMilliseconds + firstByteTimeout;
            while (true)
            {
                while (_pendingPos < _pendingLength)
                {
                    int consumed;
                    IecStatus status = _decoder.Feed(_pending, _pendingPos, _pendingLength - _pendingPos, out consumed);
                    _pendingPos += consumed;
                    if (status != IecStatus.NeedMoreData)
                    {
                        return status;
                    }
                }

                long now = _clock.NowMilliseconds;
                long limit = waitUntil < _attemptDeadline ? waitUntil : _attemptDeadline;
                if (now >= limit)
                {
                    int held = _echo.ReleaseHeld();
                    if (held > 0)
                    {
                        Accept(held);
                        continue;
                    }

                    return _decoder.InMessage ? _decoder.Finish(false) : IecStatus.NeedMoreData;
                }

                int read;
                LinkStatus linkStatus = _link.Read(_rx, 0, _rx.Length, (int)(limit - now), out read);
                if (linkStatus == LinkStatus.Ok && read > 0)
                {
                    int data = _echo.Filter(_rx, 0, read);
                    if (data > 0)
                    {
                        if (_firstDataByteAt < 0 && _echo.Output[0] == IecCharacters.Stx)
                        {
                            _firstDataByteAt = _clock.NowMilliseconds - (_line.WireMicroseconds(data) / 1000);
                        }

                        Accept(data);
                        waitUntil = _clock.NowMilliseconds + _options.InterCharacterTimeoutMilliseconds;
                    }
                }
                else if (linkStatus != LinkStatus.Ok && linkStatus != LinkStatus.Timeout)
                {
                    _linkFailed = true;
                    return IecStatus.NeedMoreData;
                }
            }
        }

        private void Accept(int count)
        {
            _pending = _echo.Output;
            _pendingPos = 0;
            _pendingLength = count;
            _silent = false;
            _anyAnswer = true;
        }

        private string BaudText()
        {
            return NegotiatedBaud.ToString() + " baud";
        }

        private static long WireMilliseconds(int bytes, int baud)
        {
            return baud <= 0 ? 0 : (long)bytes * 10 * 1000 / baud;
        }
    }
}
