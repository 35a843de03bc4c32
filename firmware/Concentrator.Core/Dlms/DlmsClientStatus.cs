namespace Concentrator.Core.Dlms
{
    /// <summary>Outcome of a <see cref="DlmsClient"/> or <see cref="CosemObjectReader"/> call; details in <see cref="DlmsClientError"/>.</summary>
    public enum DlmsClientStatus : byte
    {
        Ok = 0,
        /// <summary>The transport failed (timeout, disconnect, corrupt frames): see <see cref="DlmsClientError.Transport"/>.</summary>
        TransportFailed = 1,
        /// <summary>The meter rejected the association (AARE result and diagnostic).</summary>
        AssociationRejected = 2,
        /// <summary>A request was made without an association.</summary>
        NotAssociated = 3,
        /// <summary>The meter dropped the association (exception service-not-allowed, or the link went down).</summary>
        AssociationLost = 4,
        /// <summary>A response could not be parsed (the failed check is named).</summary>
        MalformedResponse = 5,
        /// <summary>A well-formed response that does not answer the request (other APDU, invoke id, list size).</summary>
        UnexpectedResponse = 6,
        /// <summary>The meter answered an attribute with a Data-Access-Result error.</summary>
        DataAccessError = 7,
        /// <summary>The meter answered with an ExceptionResponse or ConfirmedServiceError.</summary>
        ServiceError = 8,
        /// <summary>Block transfer went wrong (block number out of sequence, too many blocks).</summary>
        BlockTransferFailed = 9,
        /// <summary>A response larger than the client's buffers.</summary>
        BufferTooSmall = 10,
        /// <summary>An attribute's value is not of the type its class defines.</summary>
        UnexpectedType = 11,
        /// <summary>More readings or text than the ReadingSet holds.</summary>
        CapacityExceeded = 12,
        /// <summary>The read's time budget was used up before the next request (<see cref="DlmsClient.LimitTo"/>).</summary>
        BudgetExhausted = 13,
    }
}
