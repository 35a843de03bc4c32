using System;
using Concentrator.Core.Checksums;

namespace Concentrator.Core.Forwarding
{
    /// <summary>
    /// The store-and-forward queue: a bounded, persistent FIFO of outgoing MQTT messages (topic, payload, QoS, retain)
    /// in an <see cref="IBlockStore"/>. A message leaves only when <see cref="Acknowledge"/> is called for its sequence
    /// number (the broker's PUBACK); when the store is full the <b>oldest</b> messages are dropped and counted
    /// (<see cref="Dropped"/>, persisted). It survives a power cut at any byte of any write: on <see cref="Open"/> it finds
    /// every committed record after the last durable acknowledgement, and a torn record is never taken for a message.
    /// </summary>
    /// <remarks>
    /// <para>Layout (all integers little-endian):</para>
    /// <code>
    /// 0..31   checkpoint slot A   \ written alternately; the valid one with the higher generation counts
    /// 32..63  checkpoint slot B   /
    ///           0 magic "FQ01", 4 ring bytes, 8 largest record, 12 generation, 16 tail position,
    ///           20 tail sequence, 24 dropped count, 28 CRC-16/X-25 over 0..27, 30 zero
    /// 64..    ring of records, each written contiguously and wrapping around the end of the ring:
    ///           0 commit marker (0xC3 once complete), 1 flags (bits 0-1 QoS, bit 2 retain), 2 record length (u16),
    ///           4 sequence (u32), 8 topic length, 9 record kind (0 topic and payload, else no topic), 10 payload length (u16), 12 topic (UTF-8), payload,
    ///           CRC-16/X-25 over everything after the marker
    /// </code>
    /// <para>Writing a record: the whole record with marker 0x00, flush, then the marker byte 0xC3, flush. The
    /// checkpoint (tail position and sequence) is written to the older slot and flushed before any record overwrites
    /// space that only the new checkpoint frees, so the slot that survives a torn checkpoint still points at intact
    /// records. Opening reads the newer valid slot and walks the ring from its tail while each record is committed,
    /// has the next sequence number, a sane length and a good CRC; the first that fails is where the queue ends.
    /// Acknowledgements are persisted every <see cref="CheckpointInterval"/> acknowledgements (and whenever space is
    /// needed), so after a power cut at most that many acknowledged messages are sent again: at-least-once.</para>
    /// <para>Sequence numbers are 32-bit and compared modulo 2^32 (a queue would need 136 years at one message per
    /// second to wrap). One queue instance is used by one thread at a time; the caller locks.</para>
    /// </remarks>
    public sealed class ForwardQueue
    {
        /// <summary>Longest topic in UTF-8 bytes.</summary>
        public const int MaxTopicBytes = 255;

        /// <summary>Bytes a record adds to its topic and payload (header 12, CRC 2).</summary>
        public const int RecordOverhead = 14;

        /// <summary>The two checkpoint slots before the ring.</summary>
        public const int HeaderBytes = 64;

        /// <summary>Most messages sent and not yet acknowledged at once (the acknowledgement window).</summary>
        public const int MaxInFlight = 32;

        private const int SlotBytes = 32;
        private const byte Committed = 0xC3;
        private const byte Uncommitted = 0x00;

        private readonly IBlockStore _store;
        private readonly int _ringBytes;
        private readonly byte[] _record;
        private readonly byte[] _slot = new byte[SlotBytes];
        private readonly byte[] _marker = new byte[1];
        private readonly byte[] _length = new byte[4]; // separate from _record: a drop happens while _record holds the new record

        private uint _generation;
        private uint _durableTailSequence;
        private int _tailPosition;
        private uint _tailSequence;
        private int _used;
        private int _durableUsed;
        private int _headPosition;
        private uint _headSequence;
        private int _sendPosition;
        private uint _sendSequence;
        private uint _acknowledgedMask;
        private int _acknowledgementsSinceCheckpoint;
        private bool _open;

        /// <param name="store">Where the queue lives; its whole capacity is used.</param>
        /// <param name="maxRecordBytes">Largest record (topic + payload + <see cref="RecordOverhead"/>); at most a quarter of the ring and 65535.</param>
        public ForwardQueue(IBlockStore store, int maxRecordBytes)
        {
            if (store == null)
            {
                throw new ArgumentNullException("store");
            }

            _ringBytes = store.Capacity - HeaderBytes;
            if (maxRecordBytes < RecordOverhead + 2 || maxRecordBytes > 65535 || maxRecordBytes > _ringBytes / 4)
            {
                throw new ArgumentOutOfRangeException("maxRecordBytes", "the largest record must be 16 .. 65535 bytes and at most a quarter of the ring (" + (_ringBytes / 4).ToString() + " bytes)");
            }

            _store = store;
            _record = new byte[maxRecordBytes];
            CheckpointInterval = 16;
        }

        /// <summary>Acknowledgements between two checkpoint writes (flash wear against resends after a power cut).</summary>
        public int CheckpointInterval { get; set; }

        /// <summary>Messages stored and not yet acknowledged (in flight or waiting).</summary>
        public int Count
        {
            get { return (int)(_headSequence - _tailSequence); }
        }

        /// <summary>Messages read with <see cref="TryReadNext"/> and not yet acknowledged.</summary>
        public int InFlight
        {
            get { return (int)(_sendSequence - _tailSequence); }
        }

        /// <summary>Messages not yet read since the last <see cref="Rewind"/>.</summary>
        public int Unsent
        {
            get { return (int)(_headSequence - _sendSequence); }
        }

        /// <summary>Messages dropped (oldest first) because the queue was full, or cut off by a damaged record; persisted.</summary>
        public uint Dropped { get; private set; }

        /// <summary>Ring bytes holding unacknowledged records.</summary>
        public int BytesUsed
        {
            get { return _used; }
        }

        /// <summary>Size of the ring (the store minus <see cref="HeaderBytes"/>).</summary>
        public int RingBytes
        {
            get { return _ringBytes; }
        }

        public int MaxRecordBytes
        {
            get { return _record.Length; }
        }

        /// <summary>Sequence number the next enqueued message gets.</summary>
        public uint NextSequence
        {
            get { return _headSequence; }
        }

        /// <summary>Sequence number of the oldest unacknowledged message (equals <see cref="NextSequence"/> when empty).</summary>
        public uint OldestSequence
        {
            get { return _tailSequence; }
        }

        /// <summary>
        /// Oldest sequence number in the last checkpoint on the medium: after a power cut the queue restarts here, so the
        /// messages from here to <see cref="OldestSequence"/> (acknowledged, fewer than <see cref="CheckpointInterval"/>) are sent again.
        /// </summary>
        public uint DurableOldestSequence
        {
            get { return _durableTailSequence; }
        }

        /// <summary>Why the last <see cref="Open"/> replaced a queue; null otherwise.</summary>
        public string OpenProblem { get; private set; }

        /// <summary>Records <see cref="TryReadNext"/> found damaged since <see cref="Open"/>.</summary>
        public int CorruptRecords { get; private set; }

        /// <summary>Reads the store: recovers the queue in it, or writes an empty one.</summary>
        public QueueOpenResult Open()
        {
            OpenProblem = null;
            uint generationA;
            uint generationB;
            string problemA = ReadSlot(0, out generationA);
            int tailA = ReadInt(_slot, 16);
            uint sequenceA = ReadUInt(_slot, 20);
            uint droppedA = ReadUInt(_slot, 24);
            string problemB = ReadSlot(SlotBytes, out generationB);
            int tailB = ReadInt(_slot, 16);
            uint sequenceB = ReadUInt(_slot, 20);
            uint droppedB = ReadUInt(_slot, 24);

            QueueOpenResult result;
            if (problemA == null && (problemB != null || Before(generationB, generationA)))
            {
                Restore(generationA, tailA, sequenceA, droppedA);
                result = QueueOpenResult.Recovered;
            }
            else if (problemB == null)
            {
                Restore(generationB, tailB, sequenceB, droppedB);
                result = QueueOpenResult.Recovered;
            }
            else
            {
                string problem = problemA != Unformatted ? problemA : problemB != Unformatted ? problemB : null;
                result = problem == null ? QueueOpenResult.Created : QueueOpenResult.Replaced;
                OpenProblem = problem;
                Create();
            }

            _open = true;
            return result;
        }

        /// <summary>
        /// Appends a message and makes it durable before returning. When the ring is full the oldest messages are dropped
        /// (<see cref="QueueStatus.OkDroppedOldest"/>), even ones in flight: their late acknowledgements are ignored.
        /// </summary>
        public QueueStatus Enqueue(string topic, byte[] payload, int offset, int length, byte qualityOfService, bool retain)
        {
            RequireOpen();
            if (payload == null || offset < 0 || length < 0 || offset + length > payload.Length)
            {
                throw new ArgumentOutOfRangeException("length");
            }

            if (topic == null || qualityOfService > 2)
            {
                return QueueStatus.BadMessage;
            }

            int topicBytes = Utf8Length(topic);
            if (topicBytes < 1 || topicBytes > MaxTopicBytes)
            {
                return QueueStatus.BadMessage;
            }

            int recordBytes = RecordOverhead + topicBytes + length;
            if (recordBytes > _record.Length)
            {
                return QueueStatus.TooLarge;
            }

            EncodeUtf8(topic, _record, 12);
            return Append(QueuedRecordKind.TopicAndPayload, topicBytes, payload, offset, length, qualityOfService, retain);
        }

        /// <summary>
        /// Appends a record of another <paramref name="kind"/> than topic and payload (e.g. a compact reading set, whose
        /// topic and payload are made when it is sent), durable before returning; otherwise as <see cref="Enqueue"/>.
        /// </summary>
        public QueueStatus EnqueueRecord(QueuedRecordKind kind, byte[] body, int offset, int length, byte qualityOfService, bool retain)
        {
            RequireOpen();
            if (body == null || offset < 0 || length < 0 || offset + length > body.Length)
            {
                throw new ArgumentOutOfRangeException("length");
            }

            if (kind == QueuedRecordKind.TopicAndPayload || qualityOfService > 2)
            {
                return QueueStatus.BadMessage;
            }

            // One byte below the record size: a reader's payload buffer holds what a topic-and-payload record can carry.
            if (RecordOverhead + length > _record.Length - 1)
            {
                return QueueStatus.TooLarge;
            }

            return Append(kind, 0, body, offset, length, qualityOfService, retain);
        }

        // Completes the record in _record (topic already at 12) and writes it: durable before returning.
        private QueueStatus Append(QueuedRecordKind kind, int topicBytes, byte[] payload, int offset, int length, byte qualityOfService, bool retain)
        {
            int recordBytes = RecordOverhead + topicBytes + length;
            byte[] r = _record;
            r[0] = Uncommitted;
            r[1] = (byte)(qualityOfService | (retain ? 4 : 0));
            WriteUShort(r, 2, recordBytes);
            WriteUInt(r, 4, _headSequence);
            r[8] = (byte)topicBytes;
            r[9] = (byte)kind;
            WriteUShort(r, 10, length);
            Array.Copy(payload, offset, r, 12 + topicBytes, length);
            WriteUShort(r, recordBytes - 2, Crc16.X25(r, 1, recordBytes - 3));

            QueueStatus status = QueueStatus.Ok;
            while (_used + recordBytes > _ringBytes)
            {
                DropOldest();
                status = QueueStatus.OkDroppedOldest;
            }

            if (_durableUsed + recordBytes > _ringBytes)
            {
                // The space this record needs is free only since acknowledgements or drops not yet on the medium.
                WriteCheckpoint();
            }

            WriteRing(_headPosition, r, 0, recordBytes);
            _store.Flush();
            _marker[0] = Committed;
            WriteRing(_headPosition, _marker, 0, 1);
            _store.Flush();

            _headPosition = Advance(_headPosition, recordBytes);
            _headSequence++;
            _used += recordBytes;
            _durableUsed += recordBytes;
            return status;
        }

        /// <summary>
        /// Copies the next message not yet read into <paramref name="message"/> and counts it as in flight. Empty when every
        /// message was read, or when <see cref="MaxInFlight"/> await acknowledgement.
        /// </summary>
        public QueueStatus TryReadNext(QueuedMessage message)
        {
            RequireOpen();
            if (message == null)
            {
                throw new ArgumentNullException("message");
            }

            if (message.Payload.Length < _record.Length - RecordOverhead - 1)
            {
                throw new ArgumentException("the message's payload buffer must hold " + (_record.Length - RecordOverhead - 1).ToString() + " bytes", "message");
            }

            if (_sendSequence == _headSequence || InFlight >= MaxInFlight)
            {
                return QueueStatus.Empty;
            }

            int recordBytes = ReadRecord(_sendPosition, _sendSequence, _ringBytes);
            if (recordBytes == 0)
            {
                CutAtSendPosition();
                return QueueStatus.Corrupt;
            }

            byte[] r = _record;
            int topicBytes = r[8];
            int payloadBytes = ReadUShort(r, 10);
            Array.Copy(r, 12, message.Topic, 0, topicBytes);
            Array.Copy(r, 12 + topicBytes, message.Payload, 0, payloadBytes);
            message.TopicLength = topicBytes;
            message.PayloadLength = payloadBytes;
            message.Sequence = _sendSequence;
            message.QualityOfService = (byte)(r[1] & 3);
            message.Retain = (r[1] & 4) != 0;
            message.Kind = (QueuedRecordKind)r[9];

            _sendPosition = Advance(_sendPosition, recordBytes);
            _sendSequence++;
            return QueueStatus.Ok;
        }

        /// <summary>
        /// The broker acknowledged the message with this sequence number. The oldest messages leave the queue as soon as
        /// they and all before them are acknowledged. False (and nothing changes) for a number not in flight: already
        /// acknowledged, dropped, or never read.
        /// </summary>
        public bool Acknowledge(uint sequence)
        {
            RequireOpen();
            if (Before(sequence, _tailSequence) || !Before(sequence, _sendSequence))
            {
                return false;
            }

            int index = (int)(sequence - _tailSequence);
            _acknowledgedMask |= 1u << index;
            while ((_acknowledgedMask & 1) != 0)
            {
                RemoveOldest();
                _acknowledgementsSinceCheckpoint++;
            }

            if (_acknowledgementsSinceCheckpoint >= CheckpointInterval)
            {
                WriteCheckpoint();
            }

            return true;
        }

        /// <summary>Reads from the oldest unacknowledged message again (after a reconnect): everything in flight is sent again.</summary>
        public void Rewind()
        {
            RequireOpen();
            _sendPosition = _tailPosition;
            _sendSequence = _tailSequence;
            _acknowledgedMask = 0;
        }

        /// <summary>Persists the acknowledgements made since the last checkpoint (e.g. before a planned restart).</summary>
        public void Checkpoint()
        {
            RequireOpen();
            if (_acknowledgementsSinceCheckpoint > 0 || _durableUsed != _used)
            {
                WriteCheckpoint();
            }
        }

        private void Create()
        {
            // A record left at ring position 0 by an earlier queue must not pass for sequence 1: clear its marker first.
            _marker[0] = Uncommitted;
            _store.Write(HeaderBytes, _marker, 0, 1);
            _store.Flush();
            _generation = 0;
            Dropped = 0;
            _tailPosition = 0;
            _tailSequence = 1;
            ResetFromTail(0, 1);
            WriteCheckpoint();
        }

        private void Restore(uint generation, int tailPosition, uint tailSequence, uint dropped)
        {
            _generation = generation;
            _durableTailSequence = tailSequence;
            Dropped = dropped;
            _tailPosition = tailPosition;
            _tailSequence = tailSequence;

            int position = tailPosition;
            uint sequence = tailSequence;
            int used = 0;
            while (true)
            {
                int recordBytes = ReadRecord(position, sequence, _ringBytes - used);
                if (recordBytes == 0)
                {
                    break;
                }

                used += recordBytes;
                position = Advance(position, recordBytes);
                sequence++;
            }

            _headPosition = position;
            _headSequence = sequence;
            _used = used;
            _durableUsed = used;
            _sendPosition = tailPosition;
            _sendSequence = tailSequence;
            _acknowledgedMask = 0;
            _acknowledgementsSinceCheckpoint = 0;
        }

        private void ResetFromTail(int position, uint sequence)
        {
            _headPosition = position;
            _headSequence = sequence;
            _sendPosition = position;
            _sendSequence = sequence;
            _used = 0;
            _durableUsed = 0;
            _acknowledgedMask = 0;
            _acknowledgementsSinceCheckpoint = 0;
        }

        // Reads the record at position into _record and checks it. Its length, or 0 when it is not the committed record
        // with this sequence number that fits in the given number of bytes.
        private int ReadRecord(int position, uint sequence, int room)
        {
            if (room < RecordOverhead + 1)
            {
                return 0;
            }

            byte[] r = _record;
            ReadRing(position, r, 0, 12);
            int recordBytes = ReadUShort(r, 2);
            int topicBytes = r[8];
            if (r[0] != Committed || ReadUInt(r, 4) != sequence || recordBytes > r.Length || recordBytes > room
                || (r[1] & 0xF8) != 0 || (r[1] & 3) == 3 || (topicBytes == 0) != (r[9] != (byte)QueuedRecordKind.TopicAndPayload)
                || recordBytes != RecordOverhead + topicBytes + ReadUShort(r, 10))
            {
                return 0;
            }

            ReadRing(Advance(position, 12), r, 12, recordBytes - 12);
            return Crc16.X25(r, 1, recordBytes - 3) == ReadUShort(r, recordBytes - 2) ? recordBytes : 0;
        }

        private void RemoveOldest()
        {
            ReadRing(_tailPosition, _length, 0, 4);
            int recordBytes = ReadUShort(_length, 2);
            _tailPosition = Advance(_tailPosition, recordBytes);
            _tailSequence++;
            _used -= recordBytes;
            _acknowledgedMask >>= 1;
        }

        private void DropOldest()
        {
            bool wasInFlight = Before(_tailSequence, _sendSequence);
            RemoveOldest();
            Dropped++;
            if (!wasInFlight)
            {
                _sendPosition = _tailPosition;
                _sendSequence = _tailSequence;
            }
        }

        // A record read back damaged: everything from it on is unreadable (its length cannot be trusted), so the queue
        // ends there and the lost messages are counted as dropped.
        private void CutAtSendPosition()
        {
            CorruptRecords++;
            int kept = Distance(_tailPosition, _sendPosition);
            if (_sendSequence == _tailSequence)
            {
                kept = 0;
            }

            Dropped += _headSequence - _sendSequence;
            _headPosition = _sendPosition;
            _headSequence = _sendSequence;
            _durableUsed -= _used - kept;
            _used = kept;
            _marker[0] = Uncommitted;
            WriteRing(_headPosition, _marker, 0, 1);
            _store.Flush();
            WriteCheckpoint();
        }

        private void WriteCheckpoint()
        {
            _generation++;
            byte[] s = _slot;
            s[0] = (byte)'F';
            s[1] = (byte)'Q';
            s[2] = (byte)'0';
            s[3] = (byte)'1';
            WriteUInt(s, 4, (uint)_ringBytes);
            WriteUInt(s, 8, (uint)_record.Length);
            WriteUInt(s, 12, _generation);
            WriteUInt(s, 16, (uint)_tailPosition);
            WriteUInt(s, 20, _tailSequence);
            WriteUInt(s, 24, Dropped);
            WriteUShort(s, 28, Crc16.X25(s, 0, 28));
            s[30] = 0;
            s[31] = 0;
            _store.Write((int)(_generation & 1) * SlotBytes, s, 0, SlotBytes);
            _store.Flush();
            _durableUsed = _used;
            _durableTailSequence = _tailSequence;
            _acknowledgementsSinceCheckpoint = 0;
        }

        private const string Unformatted = "no queue";

        // Reads and checks one slot into _slot; null when valid for this geometry, else what is wrong.
        private string ReadSlot(int offset, out uint generation)
        {
            byte[] s = _slot;
            _store.Read(offset, s, 0, SlotBytes);
            generation = ReadUInt(s, 12);
            if (Crc16.X25(s, 0, 28) != ReadUShort(s, 28) || s[0] != 'F' || s[1] != 'Q')
            {
                return Unformatted; // erased, something else, or a torn checkpoint write: the other slot holds the state
            }

            if (s[2] != '0' || s[3] != '1')
            {
                return "queue format FQ" + (char)s[2] + (char)s[3] + " is not FQ01";
            }

            uint ring = ReadUInt(s, 4);
            uint record = ReadUInt(s, 8);
            if (ring != (uint)_ringBytes || record != (uint)_record.Length)
            {
                return "the stored queue has a ring of " + ring.ToString() + " bytes and records up to " + record.ToString()
                    + " bytes; configured are " + _ringBytes.ToString() + " and " + _record.Length.ToString();
            }

            if (ReadUInt(s, 16) >= (uint)_ringBytes)
            {
                return "tail position " + ReadUInt(s, 16).ToString() + " lies outside the ring";
            }

            return null;
        }

        private void RequireOpen()
        {
            if (!_open)
            {
                throw new InvalidOperationException("call Open first");
            }
        }

        private int Advance(int position, int bytes)
        {
            position += bytes;
            return position >= _ringBytes ? position - _ringBytes : position;
        }

        private int Distance(int from, int to)
        {
            return to >= from ? to - from : to + _ringBytes - from;
        }

        private void ReadRing(int position, byte[] buffer, int index, int count)
        {
            int first = _ringBytes - position;
            if (count <= first)
            {
                _store.Read(HeaderBytes + position, buffer, index, count);
                return;
            }

            _store.Read(HeaderBytes + position, buffer, index, first);
            _store.Read(HeaderBytes, buffer, index + first, count - first);
        }

        private void WriteRing(int position, byte[] buffer, int index, int count)
        {
            int first = _ringBytes - position;
            if (count <= first)
            {
                _store.Write(HeaderBytes + position, buffer, index, count);
                return;
            }

            _store.Write(HeaderBytes + position, buffer, index, first);
            _store.Write(HeaderBytes, buffer, index + first, count - first);
        }

        private static bool Before(uint a, uint b)
        {
            return (int)(a - b) < 0;
        }

        private static int Utf8Length(string text)
        {
            int bytes = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char ch = text[i];
                if (ch >= 0xD800 && ch <= 0xDFFF)
                {
                    return -1; // no surrogates in topics: keeps the encoder simple and the record bounded
                }

                bytes += ch < 0x80 ? 1 : ch < 0x800 ? 2 : 3;
            }

            return bytes;
        }

        private static void EncodeUtf8(string text, byte[] target, int index)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char ch = text[i];
                if (ch < 0x80)
                {
                    target[index++] = (byte)ch;
                }
                else if (ch < 0x800)
                {
                    target[index++] = (byte)(0xC0 | (ch >> 6));
                    target[index++] = (byte)(0x80 | (ch & 0x3F));
                }
                else
                {
                    target[index++] = (byte)(0xE0 | (ch >> 12));
                    target[index++] = (byte)(0x80 | ((ch >> 6) & 0x3F));
                    target[index++] = (byte)(0x80 | (ch & 0x3F));
                }
            }
        }

        private static void WriteUShort(byte[] buffer, int index, int value)
        {
            buffer[index] = (byte)value;
            buffer[index + 1] = (byte)(value >> 8);
        }

        private static void WriteUInt(byte[] buffer, int index, uint value)
        {
            buffer[index] = (byte)value;
            buffer[index + 1] = (byte)(value >> 8);
            buffer[index + 2] = (byte)(value >> 16);
            buffer[index + 3] = (byte)(value >> 24);
        }

        private static int ReadUShort(byte[] buffer, int index)
        {
            return buffer[index] | (buffer[index + 1] << 8);
        }

        private static uint ReadUInt(byte[] buffer, int index)
        {
            return (uint)(buffer[index] | (buffer[index + 1] << 8) | (buffer[index + 2] << 16) | (buffer[index + 3] << 24));
        }

        private static int ReadInt(byte[] buffer, int index)
        {
            return (int)ReadUInt(buffer, index);
        }
    }
}
