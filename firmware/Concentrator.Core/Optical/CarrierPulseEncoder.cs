using System;
using Concentrator.Core.Io;

namespace Concentrator.Core.Optical
{
    /// <summary>
    /// Turns UART characters into timed carrier bursts and gaps for a modulated (38 kHz) IR transmitter such as the
    /// ESP32 RMT with its hardware carrier. Each bit of the frame (start bit, 7 or 8 data bits LSB first, the parity
    /// bit, the stop bits) is a slot of 1/baud seconds; a 0 bit (space, the start bit) is light, i.e. carrier on, a 1
    /// bit (mark, stop bits, idle) is dark (IEC 62056-21: ON = SPACE = binary 0). Neighbouring slots of the same
    /// level are merged into one run. Slot edges sit at round(k × 10^6 / baud) µs from the first start bit, so a whole
    /// message keeps exact time without drift (300 baud: 3333, 3334, 3333 … µs). Runs longer than
    /// <see cref="MaxRunTicks"/> are split. All memory is taken in the constructor.
    /// </summary>
    public sealed class CarrierPulseEncoder
    {
        /// <summary>Longest duration one RMT item half can hold (15 bits of 1 µs ticks).</summary>
        public const int MaxRunTicks = 32767;

        /// <summary>The demodulating receivers' rule of thumb: a burst of at least 10 carrier cycles.</summary>
        public const int MinimumBurstCycles = 10;

        private readonly ushort[] _durations;
        private readonly bool[] _carrier;
        private int _count;

        /// <param name="maxRuns">Most runs one <see cref="Encode"/> may produce (a character has at most 11).</param>
        public CarrierPulseEncoder(int maxRuns)
        {
            if (maxRuns < 12)
            {
                throw new ArgumentOutOfRangeException("maxRuns");
            }

            _durations = new ushort[maxRuns];
            _carrier = new bool[maxRuns];
        }

        /// <summary>Runs of the last <see cref="Encode"/>.</summary>
        public int RunCount
        {
            get { return _count; }
        }

        /// <summary>Length of each run in µs (1 µs RMT ticks: clock divider 80 on the 80 MHz APB clock).</summary>
        public ushort[] Durations
        {
            get { return _durations; }
        }

        /// <summary>True where the carrier is on during the run.</summary>
        public bool[] Carrier
        {
            get { return _carrier; }
        }

        /// <summary>Duration of everything encoded, in µs (the exact wire time of the characters).</summary>
        public long TotalMicroseconds { get; private set; }

        /// <summary>Characters that fit: each needs at most one run per bit.</summary>
        public int MaxCharacters(LineSettings line)
        {
            return _durations.Length / line.BitsPerCharacter;
        }

        /// <summary>
        /// Encodes the characters back to back. Returns the number of runs, or -1 when they do not fit (encode fewer
        /// characters per call: <see cref="MaxCharacters"/>) or the framing has no bit time.
        /// </summary>
        public int Encode(byte[] data, int offset, int count, LineSettings line)
        {
            _count = 0;
            TotalMicroseconds = 0;
            if (line.BaudRate <= 0 || line.DataBits < 5 || line.DataBits > 8)
            {
                return -1;
            }

            int bitsPerCharacter = line.BitsPerCharacter;
            long slot = 0;
            long runStart = 0;
            bool runCarrier = false;
            bool open = false;
            for (int c = offset; c < offset + count; c++)
            {
                int value = data[c];
                int ones = 0;
                for (int bit = 0; bit < bitsPerCharacter; bit++)
                {
                    bool mark;
                    if (bit == 0)
                    {
                        mark = false; // start bit
                    }
                    else if (bit <= line.DataBits)
                    {
                        mark = ((value >> (bit - 1)) & 1) != 0;
                        if (mark)
                        {
                            ones++;
                        }
                    }
                    else if (bit == line.DataBits + 1 && line.Parity != LineParity.None)
                    {
                        // Even parity makes the count of ones even, odd parity odd.
                        mark = line.Parity == LineParity.Even ? (ones & 1) != 0 : (ones & 1) == 0;
                    }
                    else
                    {
                        mark = true; // stop bits
                    }

                    bool carrier = mark == line.InvertedLevels;
                    long edge = Edge(slot, line.BaudRate);
                    if (!open)
                    {
                        open = true;
                        runCarrier = carrier;
                        runStart = edge;
                    }
                    else if (carrier != runCarrier)
                    {
                        if (!Emit(runCarrier, edge - runStart))
                        {
                            return Overflow();
                        }

                        runCarrier = carrier;
                        runStart = edge;
                    }

                    slot++;
                }
            }

            if (open)
            {
                long end = Edge(slot, line.BaudRate);
                if (!Emit(runCarrier, end - runStart))
                {
                    return Overflow();
                }

                TotalMicroseconds = end;
            }

            return _count;
        }

        /// <summary>
        /// Writes the runs as ESP32 rmt_item32_t words, the raw form <c>TransmitterChannel.SendData</c> takes: per item
        /// 2 × (15-bit duration, level in bit 15), little-endian, 4 bytes. An odd run count is closed with a zero-length
        /// half (the RMT's end marker). Returns the bytes written, or -1 when <paramref name="buffer"/> is too small.
        /// </summary>
        public int WriteRmtItems(byte[] buffer, int offset)
        {
            int items = (_count + 1) / 2;
            if (buffer.Length - offset < items * 4)
            {
                return -1;
            }

            int i = offset;
            for (int run = 0; run < _count; run += 2)
            {
                i = WriteHalf(buffer, i, _durations[run], _carrier[run]);
                if (run + 1 < _count)
                {
                    i = WriteHalf(buffer, i, _durations[run + 1], _carrier[run + 1]);
                }
                else
                {
                    i = WriteHalf(buffer, i, 0, false);
                }
            }

            return i - offset;
        }

        /// <summary>
        /// The highest standard baud (300 × 2^n) whose bit still lasts <see cref="MinimumBurstCycles"/> carrier cycles,
        /// so a demodulating receiver sees every single 0 bit: 2400 at 38 kHz.
        /// </summary>
        public static int MaximumBaudForReceiver(int carrierHertz)
        {
            int baud = 300;
            while (baud < 115200 && (long)(baud * 2) * MinimumBurstCycles <= carrierHertz)
            {
                baud *= 2;
            }

            return baud;
        }

        private static long Edge(long slot, int baud)
        {
            return (slot * 1000000L + baud / 2) / baud;
        }

        private bool Emit(bool carrier, long duration)
        {
            while (duration > 0)
            {
                if (_count == _durations.Length)
                {
                    return false;
                }

                long part = duration > MaxRunTicks ? MaxRunTicks : duration;
                _durations[_count] = (ushort)part;
                _carrier[_count] = carrier;
                _count++;
                duration -= part;
            }

            return true;
        }

        private int Overflow()
        {
            _count = 0;
            TotalMicroseconds = 0;
            return -1;
        }

        private static int WriteHalf(byte[] buffer, int i, int duration, bool level)
        {
            buffer[i] = (byte)(duration & 0xFF);
            buffer[i + 1] = (byte)(((duration >> 8) & 0x7F) | (level ? 0x80 : 0));
            return i + 2;
        }
    }
}
