using System;
using Concentrator.Core.Checksums;
using Concentrator.Core.Readings;

namespace Concentrator.Core.Sml
{
    /// <summary>
    /// Decodes SML files (SML 1.04 §8, transport protocol version 1) from a byte stream that arrives in arbitrary
    /// pieces. A file is <c>1B1B1B1B 01010101</c>, the messages in 4-byte blocks (a block <c>1B1B1B1B</c> of the
    /// data is sent twice), <c>0..3</c> zero fill bytes, and <c>1B1B1B1B 1A nn c1 c2</c>: nn = fill count, c1 c2 =
    /// CRC-16/X-25 over the whole file up to nn, least significant byte first. A few meters send CRC-16/KERMIT
    /// instead (most significant byte first): accepted when allowed, reported in <see cref="LastCrcVariant"/>.
    ///
    /// Feed bytes until it returns something other than <see cref="SmlStatus.NeedMoreData"/>; then read
    /// <see cref="Readings"/> (on <see cref="SmlStatus.FileReady"/> and <see cref="SmlStatus.PartialFile"/>) or
    /// <see cref="LastError"/>, and feed the rest. A broken file ends at the next start sequence (aligned or not)
    /// and the decoder starts over with it; its messages that pass their own CRC are kept (PartialFile). All memory
    /// is taken in the constructor; decoding allocates nothing.
    /// </summary>
    public sealed class SmlFileDecoder
    {
        private enum State : byte
        {
            Hunting,
            InFile,
            Discarding,
        }

        private readonly byte[] _payload;
        private readonly ReadingSet _readings;
        private readonly SmlFileParser _parser = new SmlFileParser();
        private readonly SmlError _error = new SmlError();
        private readonly SmlDecoderOptions _options;
        private readonly int[] _counts = new int[(int)SmlStatus.CapacityExceeded + 1];
        private readonly byte[] _block = new byte[4];

        private State _state;
        private int _length;
        private int _blockFill;
        private bool _escape;
        private ushort _x25;
        private ushort _kermit;
        private int _fileBytes;
        private int _garbage;
        private int _match;
        private int _rawMatch;
        private SmlCrcVariant _lastVariant;
        private int _kermitFiles;

        public SmlFileDecoder(SmlDecoderOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException("options");
            }

            if (options.MaxFileLength < 16)
            {
                throw new ArgumentOutOfRangeException("options", "MaxFileLength must be at least 16");
            }

            _options = options;
            _payload = new byte[options.MaxFileLength];
            _parser.AcceptKermit = options.AcceptKermit;
            _readings = new ReadingSet(options.MaxReadings, options.TextCapacity);
        }

        /// <summary>The readings of the last file; valid until the next call to Feed or Finish.</summary>
        public ReadingSet Readings
        {
            get { return _readings; }
        }

        /// <summary>Details of the last failure.</summary>
        public SmlError LastError
        {
            get { return _error; }
        }

        /// <summary>The parser of the last file: message counts, attention number, transaction id.</summary>
        public SmlFileParser Parser
        {
            get { return _parser; }
        }

        /// <summary>The last file's payload (escapes and fill removed), valid for <see cref="LastFileLength"/> bytes.</summary>
        public byte[] LastFile
        {
            get { return _payload; }
        }

        public int LastFileLength
        {
            get { return _length; }
        }

        /// <summary>Which CRC the last file that passed its check carried.</summary>
        public SmlCrcVariant LastCrcVariant
        {
            get { return _lastVariant; }
        }

        /// <summary>Files accepted with a CRC-16/KERMIT since construction (a meter that uses the variant).</summary>
        public int KermitFiles
        {
            get { return _kermitFiles; }
        }

        /// <summary>True while a file has started and not yet ended.</summary>
        public bool InFile
        {
            get { return _state == State.InFile; }
        }

        /// <summary>How many times Feed/Finish reported this status since construction.</summary>
        public int GetCount(SmlStatus status)
        {
            int index = (int)status;
            return index < _counts.Length ? _counts[index] : 0;
        }

        /// <summary>Forgets any partial file (e.g. after the port was reopened) without reporting it.</summary>
        public void Reset()
        {
            _state = State.Hunting;
            _garbage = 0;
            _match = 0;
        }

        /// <summary>
        /// Consumes bytes until a file completes, a failure is detected, or the input is used up.
        /// <paramref name="consumed"/> says how many bytes were used; feed the remainder next.
        /// </summary>
        public SmlStatus Feed(byte[] data, int offset, int count, out int consumed)
        {
            int end = offset + count;
            int i = offset;
            while (i < end)
            {
                byte b = data[i++];
                if (_state != State.InFile)
                {
                    if (!MatchStart(b))
                    {
                        continue;
                    }

                    // A start sequence: the 8 bytes are the file's first.
                    bool wasDiscarding = _state == State.Discarding;
                    BeginFile();
                    if (_garbage > 0 && !wasDiscarding)
                    {
                        consumed = i - offset;
                        int skipped = _garbage;
                        _garbage = 0;
                        return Fail(SmlStatus.GarbageSkipped, skipped, 0);
                    }

                    _garbage = 0;
                    continue;
                }

                SmlStatus status = FileByte(b);
                if (status != SmlStatus.NeedMoreData)
                {
                    consumed = i - offset;
                    return status;
                }
            }

            consumed = count;
            return SmlStatus.NeedMoreData;
        }

        /// <summary>
        /// Call when the input ends or the line goes silent: an open file is reported as <see cref="SmlStatus.Truncated"/>
        /// (or <see cref="SmlStatus.PartialFile"/> when some of its messages passed their CRC); stray bytes as
        /// <see cref="SmlStatus.GarbageSkipped"/>. Returns NeedMoreData when nothing was pending.
        /// </summary>
        public SmlStatus Finish(bool endOfInput)
        {
            if (_state == State.InFile)
            {
                _state = State.Hunting;
                _match = 0;
                return Salvage(SmlStatus.Truncated, _fileBytes, endOfInput ? SmlError.TruncatedByEndOfInput : SmlError.TruncatedBySilence);
            }

            if (_state == State.Discarding)
            {
                _garbage = 0; // the rest of a rejected file, not garbage
            }

            _state = State.Hunting;
            _match = 0;
            if (_garbage > 0)
            {
                int skipped = _garbage;
                _garbage = 0;
                return Fail(SmlStatus.GarbageSkipped, skipped, 0);
            }

            return SmlStatus.NeedMoreData;
        }

        // Matches 1B1B1B1B 01010101 one byte at a time; counts what is not part of it as garbage.
        private bool MatchStart(byte b)
        {
            if (_match < 4)
            {
                if (b == 0x1B)
                {
                    _match++;
                    return false;
                }
            }
            else if (b == 0x01)
            {
                _match++;
                if (_match == 8)
                {
                    _match = 0;
                    return true;
                }

                return false;
            }
            else if (b == 0x1B && _match == 4)
            {
                _garbage++; // five or more 1B: the earliest is not part of the sequence
                return false;
            }

            // Mismatch: the bytes matched so far were not a start sequence.
            _garbage += _match;
            _match = 0;
            if (b == 0x1B)
            {
                _match = 1;
            }
            else if (_state == State.Hunting && !IsIdle(b))
            {
                _garbage++;
            }

            return false;
        }

        private static bool IsIdle(byte b)
        {
            return b == 0x00 || b == 0xFF;
        }

        private void BeginFile()
        {
            _state = State.InFile;
            _length = 0;
            _blockFill = 0;
            _escape = false;
            _rawMatch = 0;
            _fileBytes = 8;
            ushort x25 = Crc16.X25Initial;
            ushort kermit = Crc16.KermitInitial;
            for (int k = 0; k < 8; k++)
            {
                byte s = k < 4 ? (byte)0x1B : (byte)0x01;
                x25 = Crc16.UpdateCcitt(x25, s);
                kermit = Crc16.UpdateCcitt(kermit, s);
            }

            _x25 = x25;
            _kermit = kermit;
        }

        private SmlStatus FileByte(byte b)
        {
            _fileBytes++;

            // The end sequence's two CRC bytes are not covered by the CRC.
            bool crcByte = _escape && _blockFill >= 2 && _block[0] == 0x1A;
            if (!crcByte)
            {
                _x25 = Crc16.UpdateCcitt(_x25, b);
                _kermit = Crc16.UpdateCcitt(_kermit, b);
            }

            // A start sequence off the 4-byte grid means bytes were lost: end this file, start the new one.
            if (TrackUnalignedStart(b))
            {
                SmlStatus status = Salvage(SmlStatus.Truncated, _fileBytes - 8, SmlError.TruncatedByNewFile);
                BeginFile();
                return status;
            }

            _block[_blockFill++] = b;
            if (_blockFill < 4)
            {
                return SmlStatus.NeedMoreData;
            }

            _blockFill = 0;
            bool isEscape = _block[0] == 0x1B && _block[1] == 0x1B && _block[2] == 0x1B && _block[3] == 0x1B;
            if (!_escape)
            {
                if (isEscape)
                {
                    _escape = true;
                    return SmlStatus.NeedMoreData;
                }

                return Append();
            }

            _escape = false;
            if (isEscape)
            {
                return Append(); // an escaped 1B1B1B1B in the data
            }

            if (_block[0] == 0x01 && _block[1] == 0x01 && _block[2] == 0x01 && _block[3] == 0x01)
            {
                SmlStatus status = Salvage(SmlStatus.Truncated, _fileBytes - 8, SmlError.TruncatedByNewFile);
                BeginFile();
                return status;
            }

            if (_block[0] == 0x1A)
            {
                return EndOfFile();
            }

            long sequence = ((long)_block[0] << 24) | ((long)_block[1] << 16) | ((long)_block[2] << 8) | _block[3];
            _state = State.Discarding;
            _match = 0;
            _error.Set(SmlStatus.BadEscape, SmlProblem.None, _length, 0, 0, sequence);
            _counts[(int)SmlStatus.BadEscape]++;
            return SmlStatus.BadEscape;
        }

        private bool TrackUnalignedStart(byte b)
        {
            if (_rawMatch < 4)
            {
                _rawMatch = b == 0x1B ? _rawMatch + 1 : 0;
            }
            else if (b == 0x01)
            {
                _rawMatch++;
            }
            else
            {
                _rawMatch = b == 0x1B ? 4 : 0;
            }

            if (_rawMatch < 8)
            {
                return false;
            }

            _rawMatch = 0;
            // Aligned sequences (last byte completing a block) are the block logic's business.
            return _blockFill != 3;
        }

        private SmlStatus Append()
        {
            if (_length + 4 > _payload.Length)
            {
                _state = State.Discarding;
                _match = 0;
                _error.Set(SmlStatus.TooLong, SmlProblem.None, _length, 0, 0, _payload.Length);
                _counts[(int)SmlStatus.TooLong]++;
                return SmlStatus.TooLong;
            }

            _payload[_length++] = _block[0];
            _payload[_length++] = _block[1];
            _payload[_length++] = _block[2];
            _payload[_length++] = _block[3];
            return SmlStatus.NeedMoreData;
        }

        private SmlStatus EndOfFile()
        {
            _state = State.Hunting;
            _match = 0;
            int fill = _block[1];
            int statedX25 = _block[2] | (_block[3] << 8);
            int statedKermit = (_block[2] << 8) | _block[3];
            ushort x25 = Crc16.FinishX25(_x25);
            SmlCrcVariant variant;
            if (statedX25 == x25)
            {
                variant = SmlCrcVariant.X25;
            }
            else if (_options.AcceptKermit && statedKermit == _kermit)
            {
                variant = SmlCrcVariant.Kermit;
            }
            else
            {
                return Salvage(SmlStatus.BadFileCrc, statedX25, x25);
            }

            if (fill > 3 || fill > _length)
            {
                return Salvage(SmlStatus.BadFill, 0, fill);
            }

            for (int k = 1; k <= fill; k++)
            {
                if (_payload[_length - k] != 0x00)
                {
                    return Salvage(SmlStatus.BadFill, 0, fill);
                }
            }

            _length -= fill;
            _lastVariant = variant;
            if (variant == SmlCrcVariant.Kermit)
            {
                _kermitFiles++;
            }

            if (_parser.Parse(_payload, _length, _readings, _error))
            {
                if (_parser.KermitMessages > 0)
                {
                    _lastVariant = SmlCrcVariant.Kermit; // the messages' CRCs are KERMIT even if the file's is not
                }

                _counts[(int)SmlStatus.FileReady]++;
                return SmlStatus.FileReady;
            }

            return Finished(_error.Kind);
        }

        // A file that failed a transport check: its messages that pass their own CRC are kept.
        private SmlStatus Salvage(SmlStatus kind, long expected, long actual)
        {
            int offset = _length;
            if (_length > 0)
            {
                // Parse whatever arrived (the last message may be cut: that is expected here, not reported).
                _parser.Parse(_payload, _length, _readings, _error);
            }
            else
            {
                _readings.Clear();
            }

            _error.Set(kind, SmlProblem.None, offset, 0, expected, actual);
            return Finished(kind);
        }

        private SmlStatus Finished(SmlStatus kind)
        {
            _counts[(int)kind]++;
            if (_readings.Count > 0 && _parser.GoodMessages > 0)
            {
                _error.SalvagedReadings = _readings.Count;
                _counts[(int)SmlStatus.PartialFile]++;
                return SmlStatus.PartialFile;
            }

            _readings.Clear();
            return kind;
        }

        private SmlStatus Fail(SmlStatus kind, long expected, long actual)
        {
            _error.Set(kind, SmlProblem.None, 0, 0, expected, actual);
            _counts[(int)kind]++;
            return kind;
        }
    }
}
