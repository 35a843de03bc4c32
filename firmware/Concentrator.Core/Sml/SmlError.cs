namespace Concentrator.Core.Sml
{
    /// <summary>
    /// Details of the last failure an <see cref="SmlFileDecoder"/> reported. Reused (recording a failure allocates
    /// nothing); <see cref="ToString"/> builds the human-readable message at the edge.
    /// </summary>
    public sealed class SmlError
    {
        /// <summary><see cref="Actual"/> of a <see cref="SmlStatus.Truncated"/> failure: why the file ended.</summary>
        public const int TruncatedByNewFile = 0;
        public const int TruncatedBySilence = 1;
        public const int TruncatedByEndOfInput = 2;

        public SmlStatus Kind;

        /// <summary>Which structural check failed, for <see cref="SmlStatus.Malformed"/>.</summary>
        public SmlProblem Problem;

        /// <summary>Byte offset in the file's payload (after the start sequence, escapes removed) where the check failed.</summary>
        public int Offset;

        /// <summary>Message number in the file (1 = first) for message-level failures; 0 otherwise.</summary>
        public int Message;

        /// <summary>What the file stated or the rule requires (a CRC, a type, a count, a limit).</summary>
        public long Expected;

        /// <summary>What was found or computed.</summary>
        public long Actual;

        /// <summary>Readings kept from the messages that passed their own CRC (see <see cref="SmlStatus.PartialFile"/>).</summary>
        public int SalvagedReadings;

        internal void Set(SmlStatus kind, SmlProblem problem, int offset, int message, long expected, long actual)
        {
            Kind = kind;
            Problem = problem;
            Offset = offset;
            Message = message;
            Expected = expected;
            Actual = actual;
            SalvagedReadings = 0;
        }

        private static string Hex4(long value)
        {
            return ((int)value).ToString("X4");
        }

        private static string Hex8(long value)
        {
            return ((uint)value).ToString("X8");
        }

        /// <summary>The message: which check failed, with expected and actual values.</summary>
        public override string ToString()
        {
            string text = Describe();
            if (SalvagedReadings > 0)
            {
                text += " (" + SalvagedReadings.ToString() + " reading(s) kept from messages whose own CRC is good)";
            }

            return text;
        }

        private string Describe()
        {
            switch (Kind)
            {
                case SmlStatus.GarbageSkipped:
                    return "garbage: " + Expected.ToString() + " byte(s) outside an SML file were skipped";
                case SmlStatus.Truncated:
                    string why = Actual == TruncatedByNewFile ? "a new start sequence arrived" : Actual == TruncatedBySilence ? "the line went silent" : "the input ended";
                    return "truncated: file ended after " + Expected.ToString() + " byte(s) without its end sequence (" + why + ")";
                case SmlStatus.TooLong:
                    return "too long: file exceeds the " + Actual.ToString() + "-byte limit without an end sequence";
                case SmlStatus.BadFileCrc:
                    return "file CRC mismatch: end sequence says " + Hex4(Expected) + ", computed CRC-16/X-25 " + Hex4(Actual);
                case SmlStatus.BadEscape:
                    return "unknown escape sequence: 1B1B1B1B followed by " + Hex8(Actual) + " at payload offset " + Offset.ToString() + " (expected 1B1B1B1B, 01010101 or 1A)";
                case SmlStatus.BadFill:
                    return "bad fill: end sequence says " + Actual.ToString() + " fill byte(s) (expected 0..3 zero bytes)";
                case SmlStatus.BadMessageCrc:
                    return "message " + Message.ToString() + " CRC mismatch at payload offset " + Offset.ToString() + ": message says " + Hex4(Expected) + ", computed CRC-16/X-25 " + Hex4(Actual);
                case SmlStatus.CapacityExceeded:
                    return "capacity exceeded: message " + Message.ToString() + " has more readings or text than the configured " + Expected.ToString();
                case SmlStatus.Malformed:
                    return "malformed message " + Message.ToString() + " at payload offset " + Offset.ToString() + ": " + DescribeProblem();
                default:
                    return Kind.ToString();
            }
        }

        private string DescribeProblem()
        {
            switch (Problem)
            {
                case SmlProblem.PastEnd:
                    return "field runs past the end of the file";
                case SmlProblem.BadTypeField:
                    return "TL byte " + Actual.ToString("X2") + " has no SML type";
                case SmlProblem.BadLength:
                    return "TL length " + Actual.ToString() + " is shorter than its own TL bytes";
                case SmlProblem.UnexpectedType:
                    return "expected a " + TypeName(Expected) + ", found a " + TypeName(Actual);
                case SmlProblem.WrongElementCount:
                    return "expected a list of " + Expected.ToString() + ", found " + Actual.ToString() + " element(s)";
                case SmlProblem.NumberTooWide:
                    return "number of " + Actual.ToString() + " bytes (at most 8)";
                case SmlProblem.BadObisLength:
                    return "OBIS code of " + Actual.ToString() + " bytes (expected 6)";
                case SmlProblem.MissingEndOfMessage:
                    return "endOfSmlMsg (00) missing, found " + Actual.ToString("X2");
                case SmlProblem.NestedTooDeep:
                    return "lists nested deeper than " + Expected.ToString();
                case SmlProblem.BadTimeChoice:
                    return "SML_Time choice " + Actual.ToString() + " (expected 1, 2 or 3)";
                case SmlProblem.NoMessage:
                    return "the file holds no message";
                default:
                    return Problem.ToString();
            }
        }

        private static string TypeName(long type)
        {
            switch ((int)type)
            {
                case (int)SmlType.OctetString: return "octet string";
                case (int)SmlType.Boolean: return "boolean";
                case (int)SmlType.Integer: return "signed integer";
                case (int)SmlType.Unsigned: return "unsigned integer";
                case (int)SmlType.List: return "list";
                default: return "type " + type.ToString();
            }
        }
    }
}
