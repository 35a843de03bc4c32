using System;
using Concentrator.Core.Text;

namespace Concentrator.Core.Iec62056
{
    /// <summary>
    /// Details of the last failure an <see cref="IecMessageDecoder"/> reported; reused (recording allocates nothing),
    /// <see cref="ToString"/> builds the message at the edge, naming the check that failed.
    /// </summary>
    public sealed class IecError
    {
        public const int MaxSnippetLength = 40;

        private readonly ErrorSnippet _snippet = new ErrorSnippet(MaxSnippetLength);

        public IecStatus Kind;

        /// <summary>Line of the data block (1 = first), for <see cref="IecStatus.MalformedLine"/>.</summary>
        public int Line;

        /// <summary>A byte count, or the value the meter stated (its BCC).</summary>
        public int Expected;

        /// <summary>The value computed or found (the BCC computed, the configured limit).</summary>
        public int Actual;

        public IecLineProblem Problem;

        public IecIdentificationProblem IdentificationProblem;

        /// <summary>For garbage: how many of the skipped bytes had bit 7 set, and whether all of those carried even parity in it.</summary>
        public int HighBitBytes;
        public bool HighBitIsEvenParity;

        internal void Set(IecStatus kind, int line, int expected, int actual)
        {
            Kind = kind;
            Line = line;
            Expected = expected;
            Actual = actual;
            Problem = IecLineProblem.None;
            IdentificationProblem = IecIdentificationProblem.None;
            HighBitBytes = 0;
            HighBitIsEvenParity = false;
            _snippet.Clear();
        }

        internal void SetSnippet(byte[] source, int offset, int length)
        {
            _snippet.Set(source, offset, length);
        }

        /// <summary>The message: which check failed, with expected and actual values.</summary>
        public override string ToString()
        {
            switch (Kind)
            {
                case IecStatus.GarbageSkipped:
                    string text = "garbage: " + Expected.ToString() + " bytes that start no message were skipped";
                    if (HighBitBytes > 0 && HighBitIsEvenParity)
                    {
                        text += "; " + HighBitBytes.ToString() + " had bit 7 set to the even parity of the other seven: 7E1 characters read as 8N1 (the line's framing disagrees with the meter's)";
                    }

                    return text;
                case IecStatus.Truncated:
                    return "truncated message: ended after " + Expected.ToString() + " bytes without its end character (" +
                           (Actual == IecMessageDecoder.TruncatedByNewMessage ? "a new message started" : Actual == IecMessageDecoder.TruncatedBySilence ? "the line went silent" : "the input ended") + ")";
                case IecStatus.TooLong:
                    return "message too long: more than " + Actual.ToString() + " bytes without ETX";
                case IecStatus.BadBcc:
                    return "BCC mismatch: block says " + Expected.ToString("X2") + ", computed " + Actual.ToString("X2");
                case IecStatus.BadIdentification:
                    return "bad identification: " + DescribeIdentification() + " in '/" + _snippet.ToString() + "'";
                case IecStatus.CapacityExceeded:
                    return "capacity exceeded: the readout needs more than " + Actual.ToString() +
                           (Problem == IecLineProblem.TextFull ? " bytes of text" : " readings") + " (raise the decoder's capacity)";
                case IecStatus.MalformedLine:
                    return "malformed line " + Line.ToString() + ": " + DescribeProblem() + " in '" + _snippet.ToString() + "'";
                default:
                    return Kind.ToString();
            }
        }

        private string DescribeIdentification()
        {
            switch (IdentificationProblem)
            {
                case IecIdentificationProblem.TooShort:
                    return "shorter than /XXXZ";
                case IecIdentificationProblem.BadManufacturer:
                    return "manufacturer code is not three letters";
                case IecIdentificationProblem.BadCharacter:
                    return "control character or byte with bit 7 set (baud or framing mismatch?)";
                case IecIdentificationProblem.DanglingEscape:
                    return "'\\' escape without its capability character";
                case IecIdentificationProblem.TooLong:
                    return "longer than " + IecIdentification.MaxLineLength.ToString() + " characters";
                default:
                    return IdentificationProblem.ToString();
            }
        }

        private string DescribeProblem()
        {
            switch (Problem)
            {
                case IecLineProblem.MissingValue:
                    return "expected '(' after the address";
                case IecLineProblem.BadObisCode:
                    return "address is not an OBIS code (expected e.g. 1-0:1.8.1, 1.8.1, F.F, C.1.0)";
                case IecLineProblem.UnclosedGroup:
                    return "'(' without its ')'";
                case IecLineProblem.TooManyGroups:
                    return "more than " + Expected.ToString() + " value groups";
                case IecLineProblem.NoAddress:
                    return "value group with no data set before it";
                case IecLineProblem.MissingEndLine:
                    return "data block has no '!' end line";
                default:
                    return Problem.ToString();
            }
        }
    }
}
