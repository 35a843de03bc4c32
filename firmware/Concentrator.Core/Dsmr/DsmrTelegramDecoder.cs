using System;
using Concentrator.Core.Checksums;
using Concentrator.Core.Readings;
using Concentrator.Core.Text;

namespace Concentrator.Core.Dsmr
{
    /// <summary>
    /// Decodes DSMR P1 telegrams (DSMR 2.2, 3, 4.x, 5 and the Belgian, Luxembourg and Nordic variants) from a byte
    /// stream that arrives in arbitrary pieces. Framing: '/' identification line, data lines, '!' and, from DSMR 4
    /// on, a CRC-16/ARC over '/' to '!' inclusive as 4 hex digits (DSMR 5.0.2 §6.12).
    ///
    /// Feed bytes until it returns something other than <see cref="DsmrStatus.NeedMoreData"/>; then read
    /// <see cref="Readings"/> (on <see cref="DsmrStatus.TelegramReady"/>) or <see cref="LastError"/>, and feed the
    /// rest (the bytes after <c>consumed</c>). A failure never leaks into the next telegram. All memory is taken in
    /// the constructor; decoding allocates nothing.
    /// </summary>
    public sealed class DsmrTelegramDecoder
    {
        /// <summary><see cref="DsmrError.Actual"/> of a <see cref="DsmrStatus.Truncated"/> failure: why the telegram ended.</summary>
        public const int TruncatedByNewTelegram = 0;
        public const int TruncatedBySilence = 1;
        public const int TruncatedByEndOfInput = 2;

        private const byte StartMarker = (byte)'/';
        private const byte EndMarker = (byte)'!';

        private enum State : byte
        {
            Hunting,
            Body,
            Crc,
        }

        private readonly byte[] _telegram;
        private readonly DsmrLineParser _parser;
        private readonly ReadingSet _readings;
        private readonly DsmrError _error = new DsmrError();
        private readonly int[] _counts = new int[(int)DsmrStatus.CapacityExceeded + 1];

        private State _state;
        private int _length;
        private ushort _crc;
        private int _crcDigits;
        private int _crcValue;
        private int _garbage;
        private bool _discarding;

        public DsmrTelegramDecoder(DsmrDecoderOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException("options");
            }

            if (options.MaxTelegramLength < 16)
            {
                throw new ArgumentOutOfRangeException("options", "MaxTelegramLength must be at least 16");
            }

            _telegram = new byte[options.MaxTelegramLength];
            _readings = new ReadingSet(options.MaxReadings, options.TextCapacity);
            _parser = new DsmrLineParser(options.MaxGroupsPerLine, options.StandardUtcOffsetMinutes);
        }

        /// <summary>The readings of the last good telegram; valid until the next call to Feed or Finish.</summary>
        public ReadingSet Readings
        {
            get { return _readings; }
        }

        /// <summary>Details of the last failure.</summary>
        public DsmrError LastError
        {
            get { return _error; }
        }

        /// <summary>True while a telegram has started and not yet ended.</summary>
        public bool InTelegram
        {
            get { return _state != State.Hunting; }
        }

        /// <summary>Length in bytes ('/' to '!') of the telegram last completed or failed.</summary>
        public int LastTelegramLength
        {
            get { return _length; }
        }

        /// <summary>The raw bytes of the last telegram ('/' to '!'), valid with <see cref="LastTelegramLength"/>.</summary>
        public byte[] LastTelegram
        {
            get { return _telegram; }
        }

        /// <summary>How many times Feed/Finish reported this status since construction (good telegrams and each failure kind).</summary>
        public int GetCount(DsmrStatus status)
        {
            int index = (int)status;
            return index < _counts.Length ? _counts[index] : 0;
        }

        /// <summary>Forgets any partial telegram (e.g. after the port was reopened) without reporting it.</summary>
        public void Reset()
        {
            _state = State.Hunting;
            _garbage = 0;
            _discarding = false;
        }

        /// <summary>
        /// Consumes bytes until a telegram completes, a failure is detected, or the input is used up.
        /// <paramref name="consumed"/> says how many bytes were used; feed the remainder next.
        /// </summary>
        public DsmrStatus Feed(byte[] data, int offset, int count, out int consumed)
        {
            int end = offset + count;
            int i = offset;
            while (i < end)
            {
                byte b = data[i];
                switch (_state)
                {
                    case State.Hunting:
                        if (b == StartMarker)
                        {
                            if (_garbage > 0)
                            {
                                consumed = i - offset; // the '/' starts the next telegram
                                int skipped = _garbage;
                                _garbage = 0;
                                return Fail(DsmrStatus.GarbageSkipped, skipped, 0);
                            }

                            _discarding = false;
                            _state = State.Body;
                            _telegram[0] = b;
                            _length = 1;
                            _crc = Crc16.UpdateArc(Crc16.ArcInitial, b);
                        }
                        else if (!_discarding && !IsLineSpace(b))
                        {
                            _garbage++;
                        }

                        i++;
                        break;

                    case State.Body:
                        if (b == StartMarker)
                        {
                            consumed = i - offset;
                            _state = State.Hunting;
                            return Fail(DsmrStatus.Truncated, _length, TruncatedByNewTelegram);
                        }

                        if (_length == _telegram.Length)
                        {
                            consumed = i - offset;
                            _state = State.Hunting;
                            _discarding = true; // the rest of this telegram is not garbage, only too much
                            return Fail(DsmrStatus.TooLong, _length, _telegram.Length);
                        }

                        _telegram[_length++] = b;
                        _crc = Crc16.UpdateArc(_crc, b);
                        if (b == EndMarker)
                        {
                            _state = State.Crc;
                            _crcDigits = 0;
                            _crcValue = 0;
                        }

                        i++;
                        break;

                    default: // State.Crc
                        int digit = AsciiDecimal.HexValue(b);
                        if (digit >= 0)
                        {
                            _crcValue = (_crcValue << 4) | digit;
                            _crcDigits++;
                            i++;
                            if (_crcDigits == 4)
                            {
                                consumed = i - offset;
                                return Complete(true);
                            }

                            break;
                        }

                        if (_crcDigits == 0 && (b == (byte)'\r' || b == (byte)'\n' || b == StartMarker))
                        {
                            consumed = i - offset; // line ends and a next '/' are handled while hunting
                            return Complete(false);
                        }

                        consumed = i - offset + (b == StartMarker ? 0 : 1);
                        _state = State.Hunting;
                        _discarding = true;
                        DsmrStatus status = Fail(DsmrStatus.MalformedCrc, 0, _crcDigits);
                        _error.SetSnippet(data, i, 1);
                        return status;
                }
            }

            consumed = count;
            return DsmrStatus.NeedMoreData;
        }

        /// <summary>
        /// Call when the input ends or the line goes silent: a telegram still open is reported as
        /// <see cref="DsmrStatus.Truncated"/> (or completed, if only its optional CRC was outstanding); stray
        /// bytes are reported as <see cref="DsmrStatus.GarbageSkipped"/>. Returns NeedMoreData when nothing was pending.
        /// </summary>
        public DsmrStatus Finish(bool endOfInput)
        {
            int reason = endOfInput ? TruncatedByEndOfInput : TruncatedBySilence;
            switch (_state)
            {
                case State.Body:
                    _state = State.Hunting;
                    return Fail(DsmrStatus.Truncated, _length, reason);
                case State.Crc:
                    if (_crcDigits == 0)
                    {
                        return Complete(false);
                    }

                    _state = State.Hunting;
                    return Fail(DsmrStatus.Truncated, _length, reason);
                default:
                    if (_garbage > 0)
                    {
                        int skipped = _garbage;
                        _garbage = 0;
                        return Fail(DsmrStatus.GarbageSkipped, skipped, 0);
                    }

                    return DsmrStatus.NeedMoreData;
            }
        }

        private DsmrStatus Complete(bool hasCrc)
        {
            _state = State.Hunting;
            if (hasCrc && _crcValue != _crc)
            {
                return Fail(DsmrStatus.BadCrc, _crcValue, _crc);
            }

            _readings.Clear();
            DsmrStatus status = _parser.Parse(_telegram, _length, _readings, _error);
            if (status != DsmrStatus.TelegramReady)
            {
                _readings.Clear();
                _counts[(int)status]++;
                return status;
            }

            if (!hasCrc && _parser.Version >= 40)
            {
                _readings.Clear();
                return Fail(DsmrStatus.CrcMissing, _parser.Version, 0);
            }

            _readings.Protocol = "dsmr";
            _counts[(int)DsmrStatus.TelegramReady]++;
            return DsmrStatus.TelegramReady;
        }

        private DsmrStatus Fail(DsmrStatus kind, int expected, int actual)
        {
            _error.Set(kind, 0, expected, actual);
            _counts[(int)kind]++;
            return kind;
        }

        private static bool IsLineSpace(byte b)
        {
            return b == (byte)'\r' || b == (byte)'\n' || b == (byte)' ' || b == (byte)'\t' || b == 0;
        }
    }
}
