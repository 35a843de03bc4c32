using System;
using System.Text;

namespace Concentrator.Core.Configuration
{
    /// <summary>
    /// Reads a settings file of <c>key=value</c> lines (UTF-8, LF or CR LF). Blank lines and lines starting with
    /// '#' or ';' are skipped; a leading UTF-8 byte order mark is ignored. Keys are trimmed and lower-cased (ASCII);
    /// values are trimmed and may contain '='. Nothing is unescaped or unquoted: the value is the rest of the line.
    /// Runs once at start-up, so it builds strings; it never throws on bad input.
    /// </summary>
    public sealed class KeyValueReader
    {
        private readonly byte[] _text;
        private readonly int _end;
        private int _position;

        public KeyValueReader(byte[] text, int offset, int length)
        {
            if (text == null)
            {
                throw new ArgumentNullException("text");
            }

            if (offset < 0 || length < 0 || offset + length > text.Length)
            {
                throw new ArgumentOutOfRangeException("length");
            }

            _text = text;
            _position = offset;
            _end = offset + length;
            if (length >= 3 && text[offset] == 0xEF && text[offset + 1] == 0xBB && text[offset + 2] == 0xBF)
            {
                _position += 3;
            }
        }

        /// <summary>Number of the line last returned (1 = first line), for messages about it.</summary>
        public int LineNumber { get; private set; }

        /// <summary>Moves to the next entry. On <see cref="KeyValueStatus.Malformed"/> the key holds the trimmed line.</summary>
        public KeyValueStatus ReadNext(out string key, out string value)
        {
            key = null;
            value = null;
            while (_position < _end)
            {
                int lineStart = _position;
                int lineEnd = lineStart;
                while (lineEnd < _end && _text[lineEnd] != (byte)'\n')
                {
                    lineEnd++;
                }

                _position = lineEnd < _end ? lineEnd + 1 : _end;
                LineNumber++;

                int start = lineStart;
                int end = lineEnd;
                Trim(ref start, ref end);
                if (start == end || _text[start] == (byte)'#' || _text[start] == (byte)';')
                {
                    continue;
                }

                int equals = start;
                while (equals < end && _text[equals] != (byte)'=')
                {
                    equals++;
                }

                int keyEnd = equals;
                int keyStart = start;
                Trim(ref keyStart, ref keyEnd);
                if (equals == end || keyStart == keyEnd)
                {
                    key = Decode(start, end - start);
                    return KeyValueStatus.Malformed;
                }

                int valueStart = equals + 1;
                int valueEnd = end;
                Trim(ref valueStart, ref valueEnd);
                key = LowerAscii(keyStart, keyEnd - keyStart);
                value = Decode(valueStart, valueEnd - valueStart);
                return KeyValueStatus.Entry;
            }

            return KeyValueStatus.End;
        }

        private void Trim(ref int start, ref int end)
        {
            while (start < end && IsBlank(_text[start]))
            {
                start++;
            }

            while (end > start && IsBlank(_text[end - 1]))
            {
                end--;
            }
        }

        private static bool IsBlank(byte b)
        {
            return b == (byte)' ' || b == (byte)'\t' || b == (byte)'\r';
        }

        private string LowerAscii(int start, int length)
        {
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                byte b = _text[start + i];
                chars[i] = b >= (byte)'A' && b <= (byte)'Z' ? (char)(b + 32) : (char)b;
            }

            return new string(chars);
        }

        private string Decode(int start, int length)
        {
            return length == 0 ? string.Empty : Encoding.UTF8.GetString(_text, start, length);
        }
    }
}
