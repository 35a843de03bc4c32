using System;

namespace Concentrator.Core.Sml
{
    /// <summary>
    /// Builds the request file an SML client sends to pull readings (SML 1.04 §7): SML_PublicOpen.Req,
    /// SML_GetList.Req and SML_PublicClose.Req in one file, framed in transport v1. Transaction ids are the
    /// client's prefix plus a running number, so that responses can be matched. Buffers are taken once in the
    /// constructor; building a request allocates nothing.
    /// </summary>
    public sealed class SmlRequestWriter
    {
        private readonly SmlWriter _writer = new SmlWriter();
        private readonly byte[] _payload;
        private readonly byte[] _file;
        private readonly byte[] _transaction = new byte[8];
        private readonly byte[] _requestFileId = new byte[8];
        private uint _next;

        /// <param name="maxPayload">Room for the messages (client id, server id, user, password, list name included).</param>
        public SmlRequestWriter(int maxPayload)
        {
            if (maxPayload < 64)
            {
                throw new ArgumentOutOfRangeException("maxPayload");
            }

            _payload = new byte[maxPayload];
            _file = new byte[SmlFileFramer.MaxFramedLength(maxPayload)];
        }

        /// <summary>The framed request of the last <see cref="WriteGetList"/>, valid for <see cref="FileLength"/> bytes.</summary>
        public byte[] File
        {
            get { return _file; }
        }

        public int FileLength { get; private set; }

        /// <summary>The transaction id of the GetList request last written (responses carry the same).</summary>
        public byte[] GetListTransactionId
        {
            get { return _transaction; }
        }

        /// <summary>
        /// Writes the open / get-list / close request file. <paramref name="serverId"/>, <paramref name="user"/>,
        /// <paramref name="password"/> and <paramref name="listName"/> may be null (absent: the meter's default list,
        /// no login). Returns the file length, or -1 when the parts do not fit the configured payload size.
        /// </summary>
        public int WriteGetList(byte[] clientId, byte[] serverId, byte[] user, byte[] password, byte[] listName, SmlCrcVariant crc)
        {
            if (clientId == null)
            {
                throw new ArgumentNullException("clientId");
            }

            _next++;
            FillId(_requestFileId, _next, (byte)'F');
            _writer.Reset(_payload);

            // SML_PublicOpen.Req: codepage, clientId, reqFileId, serverId, username, password, smlVersion.
            FillId(_transaction, _next, (byte)'O');
            _writer.BeginMessage(_transaction, 0, _transaction.Length, 0, 0, SmlMessageTag.OpenRequest, false);
            _writer.ListHeader(7);
            _writer.Absent();
            _writer.Octets(clientId, 0, clientId.Length);
            _writer.Octets(_requestFileId, 0, _requestFileId.Length);
            WriteOptional(serverId);
            WriteOptional(user);
            WriteOptional(password);
            _writer.Absent();
            _writer.EndMessage(crc);

            // SML_GetList.Req: clientId, serverId, username, password, listName.
            FillId(_transaction, _next, (byte)'G');
            _writer.BeginMessage(_transaction, 0, _transaction.Length, 1, 0, SmlMessageTag.GetListRequest, false);
            _writer.ListHeader(5);
            _writer.Octets(clientId, 0, clientId.Length);
            WriteOptional(serverId);
            WriteOptional(user);
            WriteOptional(password);
            WriteOptional(listName);
            _writer.EndMessage(crc);

            // SML_PublicClose.Req: globalSignature.
            FillId(_transaction, _next, (byte)'C');
            _writer.BeginMessage(_transaction, 0, _transaction.Length, 0, 0, SmlMessageTag.CloseRequest, false);
            _writer.ListHeader(1);
            _writer.Absent();
            _writer.EndMessage(crc);
            FillId(_transaction, _next, (byte)'G');

            if (_writer.Overflowed)
            {
                FileLength = 0;
                return -1;
            }

            FileLength = SmlFileFramer.Frame(_payload, _writer.Length, _file, 0, crc);
            return FileLength;
        }

        private void WriteOptional(byte[] value)
        {
            if (value == null)
            {
                _writer.Absent();
            }
            else
            {
                _writer.Octets(value, 0, value.Length);
            }
        }

        // "kind" + 7 hex digits of the request number: unique per request, readable in a capture.
        private static void FillId(byte[] id, uint number, byte kind)
        {
            id[0] = kind;
            for (int k = 7; k >= 1; k--)
            {
                int digit = (int)(number & 0x0F);
                id[k] = (byte)(digit < 10 ? '0' + digit : 'A' + digit - 10);
                number >>= 4;
            }
        }
    }
}
