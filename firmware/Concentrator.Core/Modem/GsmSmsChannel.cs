using Concentrator.Core.Commands;
using Concentrator.Core.Io;
using Concentrator.Core.Timing;

namespace Concentrator.Core.Modem
{
    /// <summary>
    /// Text commands by SMS through a GSM modem over a byte link (3GPP TS 27.005 text mode). <see cref="Initialize"/>
    /// sets the modem up (echo off, text mode, IRA character set, header details, new-message indications) and handles
    /// messages that arrived while the concentrator was off; <see cref="Poll"/> waits for <c>+CMTI</c> indications,
    /// reads each message (AT+CMGR), hands it to the command handler, replies to the sending number (AT+CMGS, text,
    /// Ctrl-Z) and deletes it (AT+CMGD). UCS-2, 8-bit and concatenated (user data header) messages are answered
    /// <c>Unknown command</c> without being run (2N manual 4.2). Every step has a timeout; nothing here throws on
    /// what the modem says.
    /// </summary>
    public sealed class GsmSmsChannel : ICommandReply
    {
        private const byte CtrlZ = 0x1A;
        private const byte Escape = 0x1B;
        private const int MaxPending = 8;

        private readonly IByteLink _link;
        private readonly ICommandHandler _handler;
        private readonly IMillisecondClock _clock;
        private readonly GsmModemOptions _options;
        private readonly AtLineReader _reader;
        private readonly SmsHeader _header = new SmsHeader();
        private readonly byte[] _out;
        private readonly int[] _pending = new int[MaxPending];
        private int _pendingCount;
        private string _replyTo;

        public GsmSmsChannel(IByteLink link, ICommandHandler handler, IMillisecondClock clock, GsmModemOptions options)
        {
            if (link == null || handler == null || clock == null || options == null)
            {
                throw new System.ArgumentNullException(link == null ? "link" : handler == null ? "handler" : clock == null ? "clock" : "options");
            }

            _link = link;
            _handler = handler;
            _clock = clock;
            _options = options;
            _reader = new AtLineReader(link, clock, options.LineCapacity);
            _out = new byte[options.LineCapacity];
        }

        /// <summary>Messages run through the command handler.</summary>
        public int CommandsHandled { get; private set; }

        /// <summary>Messages answered "Unknown command" for their coding (UCS-2, 8-bit, concatenated).</summary>
        public int MessagesRejected { get; private set; }

        /// <summary>Messages deleted without a reply (no command in them, or a sender that cannot be answered).</summary>
        public int MessagesIgnored { get; private set; }

        public int RepliesSent { get; private set; }

        public int ReplyFailures { get; private set; }

        /// <summary>True when the last read from the modem found the link closed or failing (set the modem up again).</summary>
        public bool LinkLost
        {
            get { return _reader.LastStatus == LinkStatus.Closed || _reader.LastStatus == LinkStatus.Fault; }
        }

        /// <summary>The last thing that went wrong, for logs and DIAG ("AT+CMGR=3: timeout").</summary>
        public string LastProblem { get; private set; }

        /// <summary>Sets the modem up and handles every stored message. False when the modem does not answer properly.</summary>
        public bool Initialize()
        {
            LastProblem = null;
            _reader.Discard();
            // The first AT may meet a modem still echoing or auto-bauding: one retry.
            if (!Command("AT") && !Command("AT"))
            {
                return false;
            }

            if (!Command("ATE0") || !Command("AT+CMGF=1") || !Command("AT+CSCS=\"IRA\""))
            {
                return false;
            }

            // Header details (TP-FO, DCS) are optional for a modem: without them coding checks rely on the text alone.
            if (!Command("AT+CSDH=1"))
            {
                LastProblem = null;
            }

            if (!Command("AT+CNMI=2,1,0,0,0"))
            {
                return false;
            }

            return HandleStored();
        }

        /// <summary>Waits up to <paramref name="waitMilliseconds"/> for new-message indications and handles those that come.</summary>
        public void Poll(int waitMilliseconds)
        {
            long deadline = _clock.NowMilliseconds + waitMilliseconds;
            while (_pendingCount == 0)
            {
                string line = _reader.ReadLine(deadline);
                if (line == null)
                {
                    if (_reader.LastStatus != LinkStatus.Timeout)
                    {
                        LastProblem = "modem link: " + LinkStatusText.Of(_reader.LastStatus);
                    }

                    return;
                }

                TakeIndication(line);
            }

            while (_pendingCount > 0)
            {
                int index = _pending[0];
                _pendingCount--;
                System.Array.Copy(_pending, 1, _pending, 0, _pendingCount);
                HandleMessage(index);
            }
        }

        /// <summary>The command handler's reply: one SMS to the sender of the message being handled.</summary>
        public void Send(string text)
        {
            if (_replyTo == null)
            {
                return;
            }

            if (SendSms(_replyTo, text))
            {
                RepliesSent++;
            }
            else
            {
                ReplyFailures++;
            }
        }

        private bool HandleStored()
        {
            if (!SendLine("AT+CMGL=\"ALL\""))
            {
                return false;
            }

            long deadline = _clock.NowMilliseconds + _options.CommandTimeoutMilliseconds;
            while (true)
            {
                string line = _reader.ReadLine(deadline);
                if (line == null)
                {
                    LastProblem = "AT+CMGL: " + LinkStatusText.Of(_reader.LastStatus);
                    return false;
                }

                if (AtResult.IsOk(line))
                {
                    break;
                }

                if (AtResult.IsError(line))
                {
                    LastProblem = "AT+CMGL: " + line;
                    return false;
                }

                if (AtResult.StartsWith(line, "+CMGL: "))
                {
                    int comma = line.IndexOf(',');
                    int index;
                    if (comma > 7 && Configuration.ConfigValues.TryParseNumber(line.Substring(7, comma - 7), 0, 999, out index))
                    {
                        Remember(index);
                    }
                }
                else
                {
                    TakeIndication(line);
                }
            }

            while (_pendingCount > 0)
            {
                int index = _pending[0];
                _pendingCount--;
                System.Array.Copy(_pending, 1, _pending, 0, _pendingCount);
                HandleMessage(index);
            }

            return true;
        }

        private void HandleMessage(int index)
        {
            string text;
            if (ReadMessage(index, out text))
            {
                Dispatch(text);
            }

            // Always delete, also after a failed read: a message that cannot be read must not fill the SIM.
            Command("AT+CMGD=" + index.ToString());
        }

        private void Dispatch(string text)
        {
            bool looksLikeCommand = text.IndexOf("MCP") >= 0 || text.IndexOf("004D00430050") >= 0;
            _replyTo = _header.CanReply ? _header.Sender : null;
            if (_replyTo == null || (!looksLikeCommand && !_options.ReplyToOtherMessages))
            {
                MessagesIgnored++;
                _replyTo = null;
                return;
            }

            if (_header.IsNot7Bit || _header.HasUserDataHeader)
            {
                MessagesRejected++;
                Send(CommandReplies.UnknownCommand);
            }
            else
            {
                CommandsHandled++;
                _handler.Handle(text, this);
            }

            _replyTo = null;
        }

        private bool ReadMessage(int index, out string text)
        {
            text = null;
            string command = "AT+CMGR=" + index.ToString();
            if (!SendLine(command))
            {
                return false;
            }

            long deadline = _clock.NowMilliseconds + _options.CommandTimeoutMilliseconds;
            bool haveHeader = false;
            string body = null;
            bool previousEmpty = false;
            int taken = 0;
            while (true)
            {
                string line = _reader.ReadLine(deadline, haveHeader);
                if (line == null)
                {
                    LastProblem = command + ": " + LinkStatusText.Of(_reader.LastStatus);
                    return false;
                }

                if (!haveHeader)
                {
                    if (_header.TryParse(line))
                    {
                        haveHeader = true;
                    }
                    else if (AtResult.IsError(line))
                    {
                        LastProblem = command + ": " + line;
                        return false;
                    }
                    else if (AtResult.IsOk(line))
                    {
                        LastProblem = command + ": empty";
                        return false;
                    }
                    else
                    {
                        TakeIndication(line);
                    }

                    continue;
                }

                // With the text's length in the header (AT+CSDH=1) the text is taken by length, whatever it says.
                if (_header.TextLength >= 0 && taken < _header.TextLength)
                {
                    body = body == null ? line : body + "\n" + line;
                    taken += line.Length;
                    if (taken < _header.TextLength)
                    {
                        taken += _reader.LastTerminatorLength;
                    }

                    continue;
                }

                if (_header.TextLength >= 0)
                {
                    if (AtResult.IsOk(line))
                    {
                        text = body == null ? string.Empty : body;
                        return true;
                    }

                    TakeIndication(line);
                    continue;
                }

                // Without it: 27.005 3.4.3 header CR LF, the text, then the final result framed by CR LF: "OK" after an
                // empty line ends the answer; an "OK" straight after text is the message's own text.
                if (previousEmpty && AtResult.IsOk(line))
                {
                    text = body == null ? string.Empty : body;
                    return true;
                }

                if (previousEmpty && AtResult.StartsWith(line, "+CMTI: "))
                {
                    // An indication framed by CR LF between the text and the result.
                    TakeIndication(line);
                    continue;
                }

                if (previousEmpty)
                {
                    // The empty line was part of the text.
                    body = body == null ? string.Empty : body + "\n";
                }

                previousEmpty = line.Length == 0;
                if (previousEmpty)
                {
                    continue;
                }

                // The text itself; a multi-line message keeps its line breaks.
                body = body == null ? line : body + "\n" + line;
            }
        }

        private bool SendSms(string number, string text)
        {
            string command = "AT+CMGS=\"" + number + "\"";
            if (!SendLine(command))
            {
                return false;
            }

            string errorLine;
            if (!_reader.WaitForPrompt(_clock.NowMilliseconds + _options.PromptTimeoutMilliseconds, out errorLine))
            {
                LastProblem = command + ": " + (errorLine != null ? errorLine : "no prompt");
                if (errorLine == null)
                {
                    // Leave the text entry state if the modem entered it after all (27.005 3.5.1: ESC cancels).
                    WriteByte(Escape);
                }

                return false;
            }

            int length = 0;
            for (int i = 0; i < text.Length && length < _out.Length - 1; i++)
            {
                char c = text[i];
                _out[length++] = c < 0x80 && c != (char)CtrlZ && c != (char)Escape ? (byte)c : (byte)'?';
            }

            _out[length++] = CtrlZ;
            if (_link.Write(_out, 0, length) != LinkStatus.Ok)
            {
                LastProblem = command + ": writing the text failed";
                return false;
            }

            long deadline = _clock.NowMilliseconds + _options.SendTimeoutMilliseconds;
            bool sent = false;
            while (true)
            {
                string line = _reader.ReadLine(deadline);
                if (line == null)
                {
                    LastProblem = command + ": no result (" + LinkStatusText.Of(_reader.LastStatus) + ")";
                    return false;
                }

                if (AtResult.StartsWith(line, "+CMGS: "))
                {
                    sent = true;
                }
                else if (AtResult.IsOk(line))
                {
                    return sent;
                }
                else if (AtResult.IsError(line))
                {
                    LastProblem = command + ": " + line;
                    return false;
                }
                else
                {
                    TakeIndication(line);
                }
            }
        }

        // Sends a command and waits for OK; indications met on the way are kept for later.
        private bool Command(string command)
        {
            if (!SendLine(command))
            {
                return false;
            }

            long deadline = _clock.NowMilliseconds + _options.CommandTimeoutMilliseconds;
            while (true)
            {
                string line = _reader.ReadLine(deadline);
                if (line == null)
                {
                    LastProblem = command + ": " + LinkStatusText.Of(_reader.LastStatus);
                    return false;
                }

                if (AtResult.IsOk(line))
                {
                    return true;
                }

                if (AtResult.IsError(line))
                {
                    LastProblem = command + ": " + line;
                    return false;
                }

                TakeIndication(line);
            }
        }

        private bool SendLine(string command)
        {
            int length = 0;
            for (int i = 0; i < command.Length && length < _out.Length - 1; i++)
            {
                _out[length++] = (byte)command[i];
            }

            _out[length++] = (byte)'\r';
            LinkStatus status = _link.Write(_out, 0, length);
            if (status != LinkStatus.Ok)
            {
                LastProblem = command + ": write " + LinkStatusText.Of(status);
                return false;
            }

            return true;
        }

        private void WriteByte(byte value)
        {
            _out[0] = value;
            _link.Write(_out, 0, 1);
        }

        // +CMTI: "SM",3 (27.005 3.4.1): a new message stored at index 3.
        private void TakeIndication(string line)
        {
            if (!AtResult.StartsWith(line, "+CMTI: "))
            {
                return;
            }

            int comma = line.LastIndexOf(',');
            int index;
            if (comma > 0 && Configuration.ConfigValues.TryParseNumber(line.Substring(comma + 1), 0, 999, out index))
            {
                Remember(index);
            }
        }

        private void Remember(int index)
        {
            for (int i = 0; i < _pendingCount; i++)
            {
                if (_pending[i] == index)
                {
                    return;
                }
            }

            if (_pendingCount < MaxPending)
            {
                _pending[_pendingCount++] = index;
            }
        }
    }
}
