using System;

namespace Concentrator.Core.Commands
{
    /// <summary>
    /// The <c>NAME=value</c> parameters of a text command (2N MeterCom manual 4.2): separated by spaces (a run of spaces
    /// counts as one); a value containing spaces is closed in brackets, <c>[a b]</c> or <c>(a b)</c> (the manual does
    /// not say which kind, so both are read; the brackets are not part of the value); one <c>;</c> right after a
    /// value is dropped, because the manual's own example ends every value with one (<c>APN=&lt;new apn&gt;;</c>).
    /// Names are case-sensitive and kept as written. The list is allocated once and reused per message.
    /// </summary>
    public sealed class ParameterList
    {
        private readonly string[] _names;
        private readonly string[] _values;

        public ParameterList(int capacity)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }

            _names = new string[capacity];
            _values = new string[capacity];
        }

        public int Count { get; private set; }

        public int Capacity
        {
            get { return _names.Length; }
        }

        /// <summary>The first problem met by <see cref="Parse"/>; the parameters before it are in the list.</summary>
        public ParameterError Error { get; private set; }

        /// <summary>The word the error was found in (for messages).</summary>
        public string ErrorWord { get; private set; }

        public string Name(int index)
        {
            return _names[index];
        }

        public string Value(int index)
        {
            return _values[index];
        }

        /// <summary>Index of the parameter with this exact name, or -1.</summary>
        public int IndexOf(string name)
        {
            for (int i = 0; i < Count; i++)
            {
                if (_names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The value of the parameter with this exact name, or null when it is absent.</summary>
        public string Find(string name)
        {
            int index = IndexOf(name);
            return index < 0 ? null : _values[index];
        }

        /// <summary>True when a name occurs more than once.</summary>
        public bool HasDuplicate()
        {
            for (int i = 1; i < Count; i++)
            {
                for (int j = 0; j < i; j++)
                {
                    if (_names[i] == _names[j])
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Reads the parameters in <paramref name="text"/> from <paramref name="start"/> on. False on the first error.</summary>
        public bool Parse(string text, int start)
        {
            Count = 0;
            Error = ParameterError.None;
            ErrorWord = null;
            int position = start;
            int end = text.Length;
            while (true)
            {
                while (position < end && text[position] == ' ')
                {
                    position++;
                }

                if (position >= end)
                {
                    return true;
                }

                int wordStart = position;
                int equals = -1;
                while (position < end && text[position] != ' ' && text[position] != '=')
                {
                    position++;
                }

                if (position < end && text[position] == '=')
                {
                    equals = position;
                }

                if (equals <= wordStart)
                {
                    while (position < end && text[position] != ' ')
                    {
                        position++;
                    }

                    return Fail(ParameterError.NoName, text.Substring(wordStart, position - wordStart));
                }

                string name = text.Substring(wordStart, equals - wordStart);
                int valueStart = equals + 1;
                string value;
                char opening = valueStart < end ? text[valueStart] : ' ';
                if (opening == '[' || opening == '(')
                {
                    char closing = opening == '[' ? ']' : ')';
                    int close = text.IndexOf(closing, valueStart + 1);
                    if (close < 0)
                    {
                        return Fail(ParameterError.Unterminated, name);
                    }

                    value = text.Substring(valueStart + 1, close - valueStart - 1);
                    position = close + 1;
                    if (position < end && text[position] == ';')
                    {
                        position++;
                    }

                    if (position < end && text[position] != ' ')
                    {
                        return Fail(ParameterError.Unterminated, name);
                    }
                }
                else
                {
                    position = valueStart;
                    while (position < end && text[position] != ' ')
                    {
                        position++;
                    }

                    int valueEnd = position;
                    if (valueEnd > valueStart && text[valueEnd - 1] == ';')
                    {
                        valueEnd--;
                    }

                    value = valueEnd == valueStart ? string.Empty : text.Substring(valueStart, valueEnd - valueStart);
                }

                if (Count == _names.Length)
                {
                    return Fail(ParameterError.TooMany, name);
                }

                _names[Count] = name;
                _values[Count] = value;
                Count++;
            }
        }

        /// <summary>
        /// Writes a value so that <see cref="Parse"/> reads it back: bracketed when it is empty-safe but contains a space
        /// or ends with ';', or starts with a bracket.
        /// </summary>
        public static string Quote(string value)
        {
            if (value.Length == 0)
            {
                return value;
            }

            bool needs = value[0] == '[' || value[0] == '(' || value[value.Length - 1] == ';' || value.IndexOf(' ') >= 0;
            if (!needs)
            {
                return value;
            }

            return value.IndexOf(']') < 0 ? "[" + value + "]" : "(" + value + ")";
        }

        /// <summary>True when <see cref="Quote"/> can write the value (a value with spaces may not hold both ']' and ')').</summary>
        public static bool CanQuote(string value)
        {
            return Quote(value) == value || value.IndexOf(']') < 0 || value.IndexOf(')') < 0;
        }

        private bool Fail(ParameterError error, string word)
        {
            Error = error;
            ErrorWord = word;
            return false;
        }
    }
}
