using System;

namespace Concentrator.Core.Text
{
    /// <summary>
    /// The piece of offending input a decoder's error message quotes: copied into a buffer taken once (recording a
    /// failure allocates nothing), turned into printable text only when the message is built.
    /// </summary>
    public sealed class ErrorSnippet
    {
        private readonly byte[] _bytes;
        private int _length;

        public ErrorSnippet(int capacity)
        {
            _bytes = new byte[capacity];
        }

        public int Length
        {
            get { return _length; }
        }

        /// <summary>Keeps up to the capacity's worth of bytes from <paramref name="source"/>.</summary>
        public void Set(byte[] source, int offset, int length)
        {
            if (length > _bytes.Length)
            {
                length = _bytes.Length;
            }

            if (length < 0)
            {
                length = 0;
            }

            Array.Copy(source, offset, _bytes, 0, length);
            _length = length;
        }

        public void Clear()
        {
            _length = 0;
        }

        /// <summary>The bytes as text, '?' for anything not printable ASCII.</summary>
        public override string ToString()
        {
            char[] chars = new char[_length];
            for (int i = 0; i < _length; i++)
            {
                byte b = _bytes[i];
                chars[i] = b >= 0x20 && b < 0x7F ? (char)b : '?';
            }

            return new string(chars);
        }
    }
}
