using Concentrator.Core.Obis;

namespace Concentrator.Core.Readings
{
    /// <summary>
    /// One value read from a meter. Instances are preallocated by <see cref="ReadingSet"/> and reused for every
    /// telegram, so decoding allocates nothing; text (raw values, units) lives in the set's text buffer.
    /// </summary>
    public sealed class Reading
    {
        public ObisCode Obis;
        public ReadingKind Kind;
        public ReadingFlags Flags;

        /// <summary>For <see cref="ReadingKind.Number"/>: value = Mantissa × 10^Exponent ("000687.138" is 687138 × 10^-3).</summary>
        public long Mantissa;
        public sbyte Exponent;

        /// <summary>The value as the meter sent it (text values, raw timestamps), in <see cref="ReadingSet.Text"/>; length 0 when none.</summary>
        public int TextStart;
        public int TextLength;

        /// <summary>The unit as the meter sent it ("kWh", "m3"), in <see cref="ReadingSet.Text"/>; length 0 when none.</summary>
        public int UnitStart;
        public int UnitLength;

        /// <summary>True when the meter attached a time to this value (a gas reading's capture time, a log entry's time).</summary>
        public bool HasTime;
        public MeterTime Time;

        /// <summary>The meter's status word for this value (SML list entry status), when it sent one.</summary>
        public bool HasStatus;
        public ulong Status;

        /// <summary>The meter's second index (a running seconds counter, SML SecIndex) attached to this value, when it sent one.</summary>
        public bool HasSecondIndex;
        public long SecondIndex;

        /// <summary>The meter's signature over this value (SML valueSignature, e.g. the E750's signed tuples) as hex text in <see cref="ReadingSet.Text"/>; length 0 when none.</summary>
        public int SignatureStart;
        public int SignatureLength;

        internal void Clear()
        {
            Obis = new ObisCode(0, 0, 0, 0, 0, 255);
            Kind = ReadingKind.Empty;
            Flags = ReadingFlags.None;
            Mantissa = 0;
            Exponent = 0;
            TextStart = 0;
            TextLength = 0;
            UnitStart = 0;
            UnitLength = 0;
            HasTime = false;
            Time = new MeterTime();
            HasStatus = false;
            Status = 0;
            HasSecondIndex = false;
            SecondIndex = 0;
            SignatureStart = 0;
            SignatureLength = 0;
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
