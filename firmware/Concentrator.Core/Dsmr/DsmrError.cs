using System;
using Concentrator.Core.Text;

namespace Concentrator.Core.Dsmr
{
    /// <summary>
    /// Details of the last failure a <see cref="DsmrTelegramDecoder"/> reported. Reused (no allocation when a failure
    /// is recorded); <see cref="ToString"/> builds the human-readable message at the edge.
    /// </summary>
    public sealed class DsmrError
    {
        /// <summary>Longest piece of the offending input kept for the message.</summary>
        public const int MaxSnippetLength = 40;

        private readonly ErrorSnippet _snippet = new ErrorSnippet(MaxSnippetLength);

        public DsmrStatus Kind;

        /// <summary>Line of the telegram (1 = identification line), for <see cref="DsmrStatus.MalformedLine"/>.</summary>
        public int Line;

        /// <summary>A byte count or the value the telegram stated (its CRC).</summary>
        public int Expected;

        /// <summary>The value computed or found (the CRC computed, the configured limit).</summary>
        public int Actual;

        /// <summary>Which check failed on a malformed line.</summary>
        public DsmrLineProblem Problem;

        internal void Set(DsmrStatus kind, int line, int expected, int actual)
        {
            Kind = kind;
            Line = line;
            Expected = expected;
            Actual = actual;
            Problem = DsmrLineProblem.None;
            _snippet.Clear();
        }

        internal void SetSnippet(byte[] source, int offset, int length)
        {
            _snippet.Set(source, offset, length);
        }

        private static string Hex4(int value)
        {
            return value.ToString("X4");
        }

        /// <summary>The message: which check failed, with expected and actual values.</summary>
        public override string ToString()
        {
            switch (Kind)
            {
                case DsmrStatus.GarbageSkipped:
                    return "garbage before telegram: " + Expected.ToString() + " bytes skipped before the '/' start";
                case DsmrStatus.Truncated:
                    return "truncated telegram: ended after " + Expected.ToString() + " bytes without its '!' end marker (" +
                           (Actual == 0 ? "a new telegram started" : Actual == 1 ? "the line went silent" : "the input ended") + ")";
                case DsmrStatus.TooLong:
                    return "telegram too long: more than " + Actual.ToString() + " bytes without the '!' end marker";
                case DsmrStatus.BadCrc:
                    return "CRC mismatch: telegram says " + Hex4(Expected) + ", computed " + Hex4(Actual);
                case DsmrStatus.MalformedCrc:
                    return "malformed CRC: expected 4 hex digits after '!', got " + Actual.ToString() + " then '" + _snippet.ToString() + "'";
                case DsmrStatus.CrcMissing:
                    return "CRC missing: the telegram says DSMR version " + Expected.ToString() + " (CRC required from 4.0) but ends without one";
                case DsmrStatus.CapacityExceeded:
                    return "capacity exceeded: the telegram needs more than " + Actual.ToString() +
                           (Problem == DsmrLineProblem.TextFull ? " bytes of text" : " readings") + " (raise the decoder's capacity)";
                case DsmrStatus.MalformedLine:
                    return "malformed line " + Line.ToString() + ": " + DescribeProblem() + " in '" + _snippet.ToString() + "'";
                default:
                    return Kind.ToString();
            }
        }

        private string DescribeProblem()
        {
            switch (Problem)
            {
                case DsmrLineProblem.UnterminatedIdentification:
                    return "identification line has no line end";
                case DsmrLineProblem.MissingValue:
                    return "expected '(' after the OBIS code";
                case DsmrLineProblem.BadObisCode:
                    return "not an OBIS code (expected A-B:C.D.E)";
                case DsmrLineProblem.UnclosedGroup:
                    return "'(' without its ')'";
                case DsmrLineProblem.TooManyGroups:
                    return "more than " + Expected.ToString() + " value groups";
                case DsmrLineProblem.LogCountMismatch:
                    return "log says " + Expected.ToString() + " entries, carries " + Actual.ToString();
                case DsmrLineProblem.BadProfile:
                    return "hourly value line does not have (time)(status)(period)(count)(OBIS)(unit)(values)";
                default:
                    return Problem.ToString();
            }
        }
    }
}
