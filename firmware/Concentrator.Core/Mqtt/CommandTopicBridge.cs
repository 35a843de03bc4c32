using System;
using System.Text;
using Concentrator.Core.Commands;

namespace Concentrator.Core.Mqtt
{
    /// <summary>
    /// The MQTT side of the text commands: a payload from <see cref="MqttTopics.Command"/> is checked (not empty, at most
    /// <see cref="MaxCommandBytes"/>, well-formed UTF-8), handed to the <see cref="ICommandHandler"/>, and the reply is
    /// left in <see cref="Reply"/> for <see cref="MqttTopics.CommandReply"/>. A payload that is no text, and a handler
    /// that throws, get a reply saying so; nothing is ever thrown to the MQTT client's thread.
    /// </summary>
    public sealed class CommandTopicBridge : ICommandReply
    {
        /// <summary>Longest command accepted (the SMS form is 160 characters; MQTT allows more for inventory lists).</summary>
        public const int MaxCommandBytes = 1024;

        private readonly ICommandHandler _handler;
        private readonly byte[] _reply;
        private int _replyLength;
        private bool _replied;

        public CommandTopicBridge(ICommandHandler handler, int replyCapacity)
        {
            if (handler == null)
            {
                throw new ArgumentNullException("handler");
            }

            if (replyCapacity < 64)
            {
                throw new ArgumentOutOfRangeException("replyCapacity");
            }

            _handler = handler;
            _reply = new byte[replyCapacity];
        }

        /// <summary>The reply of the last <see cref="Process"/>, from index 0.</summary>
        public byte[] Reply
        {
            get { return _reply; }
        }

        /// <summary>Commands handed to the handler.</summary>
        public int Handled { get; private set; }

        /// <summary>Payloads refused before the handler (empty, too long, not UTF-8) or whose handler failed.</summary>
        public int Rejected { get; private set; }

        /// <summary>Handles one command payload; returns the length of the reply in <see cref="Reply"/>.</summary>
        public int Process(byte[] payload, int offset, int length)
        {
            if (payload == null || offset < 0 || length < 0 || offset + length > payload.Length)
            {
                throw new ArgumentOutOfRangeException("length");
            }

            if (length == 0)
            {
                return Reject("Command rejected: empty message");
            }

            if (length > MaxCommandBytes)
            {
                return Reject("Command rejected: " + length.ToString() + " bytes, at most " + MaxCommandBytes.ToString());
            }

            int bad = FirstInvalidUtf8(payload, offset, length);
            if (bad >= 0)
            {
                return Reject("Command rejected: not UTF-8 text (byte " + bad.ToString() + ")");
            }

            string text = Encoding.UTF8.GetString(payload, offset, length);
            _replyLength = 0;
            _replied = false;
            try
            {
                _handler.Handle(text, this);
            }
            catch (Exception ex)
            {
                return Reject("Command failed: " + ex.Message);
            }

            if (!_replied)
            {
                return Reject("Command failed: no reply");
            }

            Handled++;
            return _replyLength;
        }

        /// <summary>The handler's reply, as UTF-8 in <see cref="Reply"/> (cut at a character boundary when it does not fit).</summary>
        void ICommandReply.Send(string text)
        {
            _replied = true;
            _replyLength = 0;
            if (text == null)
            {
                return;
            }

            for (int i = 0; i < text.Length; i++)
            {
                char ch = text[i];
                int needed = ch < 0x80 ? 1 : ch < 0x800 ? 2 : 3;
                if (_replyLength + needed > _reply.Length)
                {
                    return;
                }

                if (needed == 1)
                {
                    _reply[_replyLength++] = (byte)ch;
                }
                else if (needed == 2)
                {
                    _reply[_replyLength++] = (byte)(0xC0 | (ch >> 6));
                    _reply[_replyLength++] = (byte)(0x80 | (ch & 0x3F));
                }
                else
                {
                    // Surrogate halves are written one by one as 3-byte forms would be invalid UTF-8: send '?'.
                    if (ch >= 0xD800 && ch <= 0xDFFF)
                    {
                        _reply[_replyLength++] = (byte)'?';
                        continue;
                    }

                    _reply[_replyLength++] = (byte)(0xE0 | (ch >> 12));
                    _reply[_replyLength++] = (byte)(0x80 | ((ch >> 6) & 0x3F));
                    _reply[_replyLength++] = (byte)(0x80 | (ch & 0x3F));
                }
            }
        }

        private int Reject(string message)
        {
            Rejected++;
            int length = 0;
            for (int i = 0; i < message.Length && length < _reply.Length; i++)
            {
                char ch = message[i];
                _reply[length++] = ch < 0x80 ? (byte)ch : (byte)'?';
            }

            return length;
        }

        // Index (from offset) of the first byte that breaks UTF-8 (RFC 3629), or -1.
        private static int FirstInvalidUtf8(byte[] bytes, int offset, int length)
        {
            int end = offset + length;
            int i = offset;
            while (i < end)
            {
                int b = bytes[i];
                int follow;
                int minimum;
                if (b < 0x80)
                {
                    i++;
                    continue;
                }

                if (b >= 0xC2 && b <= 0xDF)
                {
                    follow = 1;
                    minimum = 0x80;
                }
                else if (b >= 0xE0 && b <= 0xEF)
                {
                    follow = 2;
                    minimum = 0x800;
                }
                else if (b >= 0xF0 && b <= 0xF4)
                {
                    follow = 3;
                    minimum = 0x10000;
                }
                else
                {
                    return i - offset;
                }

                if (i + follow >= end)
                {
                    return i - offset;
                }

                int code = b & (0x3F >> follow);
                for (int k = 1; k <= follow; k++)
                {
                    int c = bytes[i + k];
                    if ((c & 0xC0) != 0x80)
                    {
                        return i - offset;
                    }

                    code = (code << 6) | (c & 0x3F);
                }

                if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
                {
                    return i - offset;
                }

                i += follow + 1;
            }

            return -1;
        }
    }
}
