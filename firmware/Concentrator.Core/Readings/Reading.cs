using Concentrator.Core.Obis;

namespace Concentrator.Core.Readings
{
    /// <summary>
    /// One value read from a meter. Instances are preallocated by <see cref="ReadingSet"/> and reused for every
    /// telegram, so decoding allocates nothing; text (raw values, units) lives in the set's text buffer.
    /// </summary>
    public sealed class Reading
    {
        // nanoCLR gives every field a 12-byte slot whatever its type, and makes a struct in a field a heap object of its
        // own (an ObisCode 84 bytes, a MeterTime 60). So the OBIS code is kept as its ObisCode.ToKey key, the time as its
        // ticks, and the small fields packed into longs: 120 bytes a reading instead of 360, for the same properties.
        private long _obis = DefaultObisKey;
        private long _bits;       // Kind 0-7, Flags 8-15, Exponent 16-23, Season 24-31, UtcOffsetMinutes 32-47, HasTime 48, HasStatus 49, HasSecondIndex 50, HasOffset 51
        private long _timeTicks;  // Time.Local
        private long _text;       // TextStart (low 32 bits), TextLength (high 32)
        private long _unit;       // UnitStart, UnitLength
        private long _signature;  // SignatureStart, SignatureLength

        private const long DefaultObisKey = 255; // 0-0:0.0.0*255

        private const int KindShift = 0;
        private const int FlagsShift = 8;
        private const int ExponentShift = 16;
        private const int SeasonShift = 24;
        private const int OffsetShift = 32;
        private const long HasTimeBit = 1L << 48;
        private const long HasStatusBit = 1L << 49;
        private const long HasSecondIndexBit = 1L << 50;
        private const long HasOffsetBit = 1L << 51;

        public ObisCode Obis
        {
            get { return ObisCode.FromKey(_obis); }
            set { _obis = value.ToKey(); }
        }

        /// <summary>The OBIS code as its <see cref="ObisCode.ToKey"/> key (no struct made).</summary>
        public long ObisKey
        {
            get { return _obis; }
        }

        public ReadingKind Kind
        {
            get { return (ReadingKind)(byte)(_bits >> KindShift); }
            set { _bits = Put(_bits, KindShift, 0xFF, (byte)value); }
        }

        public ReadingFlags Flags
        {
            get { return (ReadingFlags)(byte)(_bits >> FlagsShift); }
            set { _bits = Put(_bits, FlagsShift, 0xFF, (byte)value); }
        }

        /// <summary>For <see cref="ReadingKind.Number"/>: value = Mantissa × 10^Exponent ("000687.138" is 687138 × 10^-3).</summary>
        public long Mantissa;

        public sbyte Exponent
        {
            get { return (sbyte)(byte)(_bits >> ExponentShift); }
            set { _bits = Put(_bits, ExponentShift, 0xFF, (byte)value); }
        }

        /// <summary>The value as the meter sent it (text values, raw timestamps), in <see cref="ReadingSet.Text"/>; length 0 when none.</summary>
        public int TextStart
        {
            get { return (int)_text; }
            set { _text = Low(_text, value); }
        }

        public int TextLength
        {
            get { return (int)(_text >> 32); }
            set { _text = High(_text, value); }
        }

        /// <summary>The unit as the meter sent it ("kWh", "m3"), in <see cref="ReadingSet.Text"/>; length 0 when none.</summary>
        public int UnitStart
        {
            get { return (int)_unit; }
            set { _unit = Low(_unit, value); }
        }

        public int UnitLength
        {
            get { return (int)(_unit >> 32); }
            set { _unit = High(_unit, value); }
        }

        /// <summary>True when the meter attached a time to this value (a gas reading's capture time, a log entry's time).</summary>
        public bool HasTime
        {
            get { return (_bits & HasTimeBit) != 0; }
            set { _bits = value ? _bits | HasTimeBit : _bits & ~HasTimeBit; }
        }

        public MeterTime Time
        {
            get
            {
                // 0: no time set since Clear. nanoFramework's DateTime(long) refuses ticks before 1601 (its origin), so the
                // default DateTime is returned as such, not rebuilt from ticks.
                System.DateTime local = _timeTicks == 0 ? new System.DateTime() : new System.DateTime(_timeTicks);
                return new MeterTime(local, (DaylightSaving)(byte)(_bits >> SeasonShift), (_bits & HasOffsetBit) != 0,
                    (short)(ushort)(_bits >> OffsetShift));
            }

            set
            {
                _timeTicks = value.Local.Ticks;
                long bits = Put(_bits, SeasonShift, 0xFF, (byte)value.Season);
                bits = Put(bits, OffsetShift, 0xFFFF, (ushort)value.UtcOffsetMinutes);
                _bits = value.HasOffset ? bits | HasOffsetBit : bits & ~HasOffsetBit;
            }
        }

        /// <summary>The meter's status word for this value (SML list entry status), when it sent one.</summary>
        public bool HasStatus
        {
            get { return (_bits & HasStatusBit) != 0; }
            set { _bits = value ? _bits | HasStatusBit : _bits & ~HasStatusBit; }
        }

        public ulong Status;

        /// <summary>The meter's second index (a running seconds counter, SML SecIndex) attached to this value, when it sent one.</summary>
        public bool HasSecondIndex
        {
            get { return (_bits & HasSecondIndexBit) != 0; }
            set { _bits = value ? _bits | HasSecondIndexBit : _bits & ~HasSecondIndexBit; }
        }

        public long SecondIndex;

        /// <summary>The meter's signature over this value (SML valueSignature, e.g. the E750's signed tuples) as hex text in <see cref="ReadingSet.Text"/>; length 0 when none.</summary>
        public int SignatureStart
        {
            get { return (int)_signature; }
            set { _signature = Low(_signature, value); }
        }

        public int SignatureLength
        {
            get { return (int)(_signature >> 32); }
            set { _signature = High(_signature, value); }
        }

        internal void Clear()
        {
            _obis = DefaultObisKey;
            _bits = (long)(byte)ReadingKind.Empty << KindShift;
            _timeTicks = 0;
            _text = 0;
            _unit = 0;
            _signature = 0;
            Mantissa = 0;
            Status = 0;
            SecondIndex = 0;
        }

        private static long Put(long bits, int shift, long mask, long value)
        {
            return (bits & ~(mask << shift)) | ((value & mask) << shift);
        }

        private static long Low(long pair, int value)
        {
            return (pair & ~0xFFFFFFFFL) | (uint)value;
        }

        private static long High(long pair, int value)
        {
            return (pair & 0xFFFFFFFFL) | ((long)value << 32);
        }

        /// <summary>The number as a double (for comparisons and display; the exact form is Mantissa/Exponent).</summary>
        public double ToDouble()
        {
            double value = Mantissa;
            int exponent = Exponent;
            while (exponent > 0)
            {
                value *= 10;
                exponent--;
            }

            while (exponent < 0)
            {
                value /= 10;
                exponent++;
            }

            return value;
        }
    }
}
