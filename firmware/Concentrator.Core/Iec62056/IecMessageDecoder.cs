using System;
using Concentrator.Core.Readings;

namespace Concentrator.Core.Iec62056
{
    /// <summary>
    /// Decodes what an IEC 62056-21 meter sends, from a byte stream arriving in arbitrary pieces: the identification
    /// message <c>/XXXZ Ident CR LF</c>, data messages <c>STX data ETX BCC</c> (a readout ends its data with
    /// <c>! CR LF</c>; a partial block ends with EOT instead of ETX), command messages <c>SOH C D [STX data] ETX BCC</c>,
    /// and single ACK / NAK characters. The BCC (XOR from after SOH/STX up to and including ETX/EOT, IEC 62056-21) is always
    /// verified; a readout's lines become readings in the same model as DSMR.
    ///
    /// Feed bytes until something other than <see cref="IecStatus.NeedMoreData"/> comes back, act on it, then feed the
    /// rest (after <c>consumed</c>). A failure never leaks into the next message. All memory is taken in the
    /// constructor; decoding allocates nothing.
    /// </summary>
    public sealed class IecMessageDecoder
    {
        /// <summary><see cref="IecError.Actual"/> of a <see cref="IecStatus.Truncated"/> failure: why the message ended.</summary>
        public const int TruncatedByNewMessage = 0;
        public const int TruncatedBySilence = 1;
        public const int TruncatedByEndOfInput = 2;

        public const string ProtocolName = "iec62056-21";

        private enum State : byte
        {
            Hunting,
            Identification,
            Command,
            Data,
            Bcc,
            UnframedData,
        }

        private readonly byte[] _message;
        private readonly IecDataLineParser _parser;
        private readonly ReadingSet _readings;
        private readonly IecIdentification _identification = new IecIdentification();
        private readonly IecError _error = new IecError();
        private readonly int[] _counts = new int[(int)IecStatus.CapacityExceeded + 1];

        private State _state;
        private int _length;
        private byte _bcc;
        private bool _isCommand;
        private byte _terminator;
        private int _garbage;
        private int _highBit;
        private bool _highBitParityOk = true;
        private bool _discarding;
        private bool _haveIdentification;
        private int _optionSelectTail;
        private bool _expectUnframed;
        private int _lineStart;
        private readonly bool _acceptUnframed;

        public IecMessageDecoder(IecDecoderOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException("options");
            }

            if (options.MaxMessageLength < 128)
            {
                throw new ArgumentOutOfRangeException("options", "MaxMessageLength must be at least 128");
            }

            _message = new byte[options.MaxMessageLength];
            _acceptUnframed = options.AcceptUnframedReadout;
            _readings = new ReadingSet(options.MaxReadings, options.TextCapacity);
            _parser = new IecDataLineParser(options.MaxGroupsPerDataSet, options.UtcOffsetMinutes);
        }

        /// <summary>The last identification message (valid after <see cref="IecStatus.IdentificationReady"/>).</summary>
        public IecIdentification Identification
        {
            get { return _identification; }
        }

        /// <summary>The readings of the last good readout; valid until the next Feed/Finish.</summary>
        public ReadingSet Readings
        {
            get { return _readings; }
        }

        public IecError LastError
        {
            get { return _error; }
        }

        /// <summary>
        /// The content of the last data block or command message: for a block the bytes between STX and ETX/EOT; for a
        /// command the two command characters, then the data between STX and ETX (see <see cref="CommandDataOffset"/>).
        /// </summary>
        public byte[] Block
        {
            get { return _message; }
        }

        public int BlockLength
        {
            get { return _length; }
        }

        /// <summary>True when the last block ended with EOT: more blocks follow, each asked for with ACK.</summary>
        public bool BlockIsPartial
        {
            get { return _terminator == IecCharacters.Eot; }
        }

        /// <summary>For a command message: the command character ('P', 'R', 'W', 'E', 'B') and its type ('0'..'9').</summary>
        public byte CommandCharacter
        {
            get { return _length > 0 ? _message[0] : (byte)0; }
        }

        public byte CommandType
        {
            get { return _length > 1 ? _message[1] : (byte)0; }
        }

        /// <summary>Where a command message's data (after its STX) starts in <see cref="Block"/>, or -1 when it has none.</summary>
        public int CommandDataOffset { get; private set; }

        /// <summary>
        /// False when the last readout came unframed (identification, data lines, "!" without STX/ETX/BCC), which only
        /// <see cref="IecDecoderOptions.AcceptUnframedReadout"/> allows.
        /// </summary>
        public bool LastReadoutHadBcc { get; private set; }

        /// <summary>True while a message has started and not yet ended.</summary>
        public bool InMessage
        {
            get { return _state != State.Hunting; }
        }

        /// <summary>How often Feed/Finish reported this status since construction.</summary>
        public int GetCount(IecStatus status)
        {
            int index = (int)status;
            return index < _counts.Length ? _counts[index] : 0;
        }

        /// <summary>Forgets any partial message and the identification (a new session starts).</summary>
        public void Reset()
        {
            _state = State.Hunting;
            _garbage = 0;
            _highBit = 0;
            _highBitParityOk = true;
            _discarding = false;
            _haveIdentification = false;
            _optionSelectTail = 0;
            _expectUnframed = false;
        }

        public IecStatus Feed(byte[] data, int offset, int count, out int consumed)
        {
            int end = offset + count;
            int i = offset;
            while (i < end)
            {
                byte b = data[i];
                switch (_state)
                {
                    case State.Hunting:
                        if (b == IecCharacters.Start || b == IecCharacters.Stx || b == IecCharacters.Soh || b == IecCharacters.Ack || b == IecCharacters.Nak)
                        {
                            if (_garbage > 0)
                            {
                                consumed = i - offset;
                                return Garbage();
                            }

                            i++;
                            _discarding = false;
                            if (b == IecCharacters.Ack || b == IecCharacters.Nak)
                            {
                                // An ACK may open a reader's option select "ACK V Z Y CR LF" (in captures and echo).
                                _optionSelectTail = b == IecCharacters.Ack ? 5 : 0;
                                _expectUnframed = false;
                                consumed = i - offset;
                                IecStatus single = b == IecCharacters.Ack ? IecStatus.Acknowledged : IecStatus.NegativeAcknowledged;
                                _counts[(int)single]++;
                                return single;
                            }

                            Begin(b);
                            break;
                        }

                        if (_optionSelectTail > 0)
                        {
                            _optionSelectTail--;
                            if ((b >= (byte)'0' && b <= (byte)'9') || b == IecCharacters.Cr || b == IecCharacters.Lf)
                            {
                                i++;
                                break;
                            }

                            _optionSelectTail = 0;
                        }

                        if (_expectUnframed && b > 0x20 && b < 0x7F)
                        {
                            // Data lines straight after the identification, without STX: an unframed push (no BCC).
                            Begin(IecCharacters.Stx);
                            _state = State.UnframedData;
                            _lineStart = 0;
                            break;
                        }

                        if (!_discarding && b != IecCharacters.Cr && b != IecCharacters.Lf && b != IecCharacters.Nul)
                        {
                            _garbage++;
                            if (b >= 0x80)
                            {
                                _highBit++;
                                _highBitParityOk &= EvenParityOfLowSeven(b) == 0x80;
                            }
                        }

                        i++;
                        break;

                    case State.Identification:
                        if (b == IecCharacters.Lf)
                        {
                            i++;
                            consumed = i - offset;
                            _state = State.Hunting;
                            return CompleteIdentification();
                        }

                        if (b == IecCharacters.Start || b == IecCharacters.Stx || b == IecCharacters.Soh)
                        {
                            consumed = i - offset;
                            _state = State.Hunting;
                            return Fail(IecStatus.Truncated, _length, TruncatedByNewMessage);
                        }

                        if (_length == IecIdentification.MaxLineLength + 1)
                        {
                            consumed = i - offset;
                            return TooLong(IecIdentification.MaxLineLength);
                        }

                        _message[_length++] = b;
                        i++;
                        break;

                    case State.Command:
                    case State.Data:
                        i++;
                        if (b == IecCharacters.Etx || b == IecCharacters.Eot)
                        {
                            _bcc ^= b;
                            _terminator = b;
                            _state = State.Bcc;
                            break;
                        }

                        if (b == IecCharacters.Soh || (b == IecCharacters.Stx && !(_state == State.Command && CommandDataOffset < 0)))
                        {
                            consumed = i - 1 - offset;
                            _state = State.Hunting;
                            return Fail(IecStatus.Truncated, _length, TruncatedByNewMessage);
                        }

                        _bcc ^= b;
                        if (b == IecCharacters.Stx)
                        {
                            CommandDataOffset = _length;
                            break;
                        }

                        if (_length == _message.Length)
                        {
                            consumed = i - offset;
                            return TooLong(_message.Length);
                        }

                        _message[_length++] = b;
                        break;

                    case State.UnframedData:
                        if (b == IecCharacters.Start || b == IecCharacters.Stx || b == IecCharacters.Soh)
                        {
                            consumed = i - offset;
                            _state = State.Hunting;
                            return Fail(IecStatus.Truncated, _length, TruncatedByNewMessage);
                        }

                        if (_length == _message.Length)
                        {
                            consumed = i - offset;
                            return TooLong(_message.Length);
                        }

                        _message[_length++] = b;
                        i++;
                        if (b == IecCharacters.Lf)
                        {
                            int lineEnd = _length - 1;
                            if (lineEnd > _lineStart && _message[lineEnd - 1] == IecCharacters.Cr)
                            {
                                lineEnd--;
                            }

                            if (lineEnd - _lineStart == 1 && _message[_lineStart] == IecCharacters.End)
                            {
                                consumed = i - offset;
                                _state = State.Hunting;
                                LastReadoutHadBcc = false;
                                return CompleteReadout();
                            }

                            _lineStart = _length;
                        }

                        break;

                    default: // State.Bcc
                        i++;
                        consumed = i - offset;
                        _state = State.Hunting;
                        return CompleteBlock(b);
                }
            }

            consumed = count;
            return IecStatus.NeedMoreData;
        }

        /// <summary>
        /// Call when the input ends or the line goes silent: an open message is reported as truncated, pending garbage
        /// as skipped. NeedMoreData when nothing was pending.
        /// </summary>
        public IecStatus Finish(bool endOfInput)
        {
            if (_state != State.Hunting)
            {
                _state = State.Hunting;
                return Fail(IecStatus.Truncated, _length, endOfInput ? TruncatedByEndOfInput : TruncatedBySilence);
            }

            return _garbage > 0 ? Garbage() : IecStatus.NeedMoreData;
        }

        private void Begin(byte start)
        {
            _optionSelectTail = 0;
            _expectUnframed = false;
            _length = 0;
            _bcc = 0;
            _terminator = 0;
            CommandDataOffset = -1;
            _isCommand = start == IecCharacters.Soh;
            _state = start == IecCharacters.Start ? State.Identification : start == IecCharacters.Soh ? State.Command : State.Data;
        }

        private IecStatus CompleteIdentification()
        {
            int length = _length;
            if (length > 0 && _message[length - 1] == IecCharacters.Cr)
            {
                length--;
            }

            if (length >= 2 && _message[0] == (byte)'?' && _message[length - 1] == IecCharacters.End)
            {
                _counts[(int)IecStatus.RequestSeen]++;
                return IecStatus.RequestSeen; // "/?address!": a reader's request, not a meter's identification
            }

            if (!_identification.TryParse(_message, 0, length))
            {
                _haveIdentification = false;
                Fail(IecStatus.BadIdentification, 0, 0);
                _error.IdentificationProblem = _identification.Problem;
                _error.SetSnippet(_message, 0, length);
                return IecStatus.BadIdentification;
            }

            _haveIdentification = true;
            _expectUnframed = _acceptUnframed;
            _counts[(int)IecStatus.IdentificationReady]++;
            return IecStatus.IdentificationReady;
        }

        private IecStatus CompleteBlock(byte bcc)
        {
            if (bcc != _bcc)
            {
                return Fail(IecStatus.BadBcc, bcc, _bcc);
            }

            if (_isCommand)
            {
                _counts[(int)IecStatus.CommandReady]++;
                return IecStatus.CommandReady;
            }

            if (!HasEndLine())
            {
                _counts[(int)IecStatus.DataBlockReady]++;
                return IecStatus.DataBlockReady;
            }

            LastReadoutHadBcc = true;
            return CompleteReadout();
        }

        private IecStatus CompleteReadout()
        {
            _readings.Clear();
            if (_haveIdentification)
            {
                int at = _readings.AppendText(_identification.Line, 0, _identification.LineLength);
                if (at >= 0)
                {
                    _readings.IdentificationStart = at;
                    _readings.IdentificationLength = _identification.LineLength;
                }
            }

            IecStatus status = _parser.Parse(_message, 0, _length, true, _readings, _error, false, new Obis.ObisCode());
            if (status != IecStatus.ReadoutReady)
            {
                _readings.Clear();
                _counts[(int)status]++;
                return status;
            }

            _readings.Protocol = ProtocolName;
            _counts[(int)IecStatus.ReadoutReady]++;
            return IecStatus.ReadoutReady;
        }

        /// <summary>
        /// Parses the data lines of the last <see cref="IecStatus.DataBlockReady"/> block (a programming-mode answer)
        /// into <paramref name="set"/>, appending. A bare value group "(…)" takes <paramref name="requested"/> as address.
        /// </summary>
        public IecStatus ParseBlockInto(ReadingSet set, Obis.ObisCode requested)
        {
            return _parser.Parse(_message, 0, _length, false, set, _error, true, requested);
        }

        // A readout's data ends with the line "!" (CR LF before ETX): "…\r\n!\r\n" or a lone "!".
        private bool HasEndLine()
        {
            int i = _length - 1;
            while (i >= 0 && (_message[i] == IecCharacters.Cr || _message[i] == IecCharacters.Lf))
            {
                i--;
            }

            return i >= 0 && _message[i] == IecCharacters.End && (i == 0 || _message[i - 1] == IecCharacters.Lf);
        }

        private IecStatus TooLong(int limit)
        {
            _state = State.Hunting;
            _discarding = true; // the rest of this message is not garbage, only too much
            return Fail(IecStatus.TooLong, _length, limit);
        }

        private IecStatus Garbage()
        {
            int skipped = _garbage;
            int highBit = _highBit;
            bool parity = _highBitParityOk;
            _garbage = 0;
            _highBit = 0;
            _highBitParityOk = true;
            Fail(IecStatus.GarbageSkipped, skipped, 0);
            _error.HighBitBytes = highBit;
            _error.HighBitIsEvenParity = parity;
            return IecStatus.GarbageSkipped;
        }

        private IecStatus Fail(IecStatus kind, int expected, int actual)
        {
            _error.Set(kind, 0, expected, actual);
            _counts[(int)kind]++;
            return kind;
        }

        /// <summary>0x80 when the low seven bits have an odd number of ones (bit 7 of a 7E1 character then is 1), else 0.</summary>
        public static int EvenParityOfLowSeven(byte b)
        {
            int ones = 0;
            for (int bit = 0; bit < 7; bit++)
            {
                ones += (b >> bit) & 1;
            }

            return (ones & 1) << 7;
        }
    }
}
