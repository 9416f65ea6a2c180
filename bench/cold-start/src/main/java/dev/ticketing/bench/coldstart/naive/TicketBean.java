package dev.ticketing.bench.coldstart.naive;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * The ticket item as a tutorial's annotated bean: the ticket's scalar and person fields, not custom fields or tags,
 * and the keys of the two list indexes the tutorial-style list reads.
 */
@DynamoDbBean
public class TicketBean {

    private String pk;
    private String sk;
    private String id;
    private Long ticketId;
    private String title;
    private String description;
    private String status;
    private String priority;
    private UserBean requestor;
    private UserBean assignee;
    private String expectedDate;
    private String resolution;
    private String createdOn;
    private UserBean createdBy;
    private String lastUpdatedOn;
    private UserBean lastUpdatedBy;
    private String lastInteraction;
    private Boolean isFrtEscalated;
    private Boolean isRtEscalated;
    private Long version;
    private String listPk;
    private String orderStatus;
    private String orderCreatedDateTime;

    @DynamoDbPartitionKey
    @DynamoDbAttribute("PK")
    public String getPk() {
        return pk;
    }

    public void setPk(String pk) {
        this.pk = pk;
    }

    @DynamoDbSortKey
    @DynamoDbAttribute("SK")
    public String getSk() {
        return sk;
    }

    public void setSk(String sk) {
        this.sk = sk;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Long getTicketId() {
        return ticketId;
    }

    public void setTicketId(Long ticketId) {
        this.ticketId = ticketId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getPriority() {
        return priority;
    }

    public void setPriority(String priority) {
        this.priority = priority;
    }

    public UserBean getRequestor() {
        return requestor;
    }

    public void setRequestor(UserBean requestor) {
        this.requestor = requestor;
    }

    public UserBean getAssignee() {
        return assignee;
    }

    public void setAssignee(UserBean assignee) {
        this.assignee = assignee;
    }

    public String getExpectedDate() {
        return expectedDate;
    }

    public void setExpectedDate(String expectedDate) {
        this.expectedDate = expectedDate;
    }

    public String getResolution() {
        return resolution;
    }

    public void setResolution(String resolution) {
        this.resolution = resolution;
    }

    public String getCreatedOn() {
        return createdOn;
    }

    public void setCreatedOn(String createdOn) {
        this.createdOn = createdOn;
    }

    public UserBean getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(UserBean createdBy) {
        this.createdBy = createdBy;
    }

    public String getLastUpdatedOn() {
        return lastUpdatedOn;
    }

    public void setLastUpdatedOn(String lastUpdatedOn) {
        this.lastUpdatedOn = lastUpdatedOn;
    }

    public UserBean getLastUpdatedBy() {
        return lastUpdatedBy;
    }

    public void setLastUpdatedBy(UserBean lastUpdatedBy) {
        this.lastUpdatedBy = lastUpdatedBy;
    }

    public String getLastInteraction() {
        return lastInteraction;
    }

    public void setLastInteraction(String lastInteraction) {
        this.lastInteraction = lastInteraction;
    }

    public Boolean getIsFrtEscalated() {
        return isFrtEscalated;
    }

    public void setIsFrtEscalated(Boolean isFrtEscalated) {
        this.isFrtEscalated = isFrtEscalated;
    }

    public Boolean getIsRtEscalated() {
        return isRtEscalated;
    }

    public void setIsRtEscalated(Boolean isRtEscalated) {
        this.isRtEscalated = isRtEscalated;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = {"order-status", "order-createdDateTime"})
    public String getListPk() {
        return listPk;
    }

    public void setListPk(String listPk) {
        this.listPk = listPk;
    }

    @DynamoDbSecondarySortKey(indexNames = "order-status")
    @DynamoDbAttribute("oStatus")
    public String getOrderStatus() {
        return orderStatus;
    }

    public void setOrderStatus(String orderStatus) {
        this.orderStatus = orderStatus;
    }

    @DynamoDbSecondarySortKey(indexNames = "order-createdDateTime")
    @DynamoDbAttribute("oCreatedDateTime")
    public String getOrderCreatedDateTime() {
        return orderCreatedDateTime;
    }

    public void setOrderCreatedDateTime(String orderCreatedDateTime) {
        this.orderCreatedDateTime = orderCreatedDateTime;
    }
}
