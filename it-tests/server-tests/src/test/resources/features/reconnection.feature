Feature: Resuming an event stream after the connection drops
  A client that comes back with the id of the last event it saw gets what it missed, in order,
  or the first event of its new stream tells it why it cannot. Run against the demo WAR on each
  server by ReconnectionFeaturesIT, with history of 10 events per stream and sessions that expire
  3 s after their last stream closed (deployments/features.properties).

  Background:
    Given a client that follows a topic of its own on the event stream

  Scenario: A client that reconnects receives exactly the events it missed
    Given the client has received 2 events on its topic
    When the client's connection drops
    And 3 events are published to its topic while it is away
    And the client reconnects with its session and its last event id
    Then its new stream says it was recovered with 3 replayed events
    And the client receives the 3 missed events in the order they were published

  Scenario: A session that expired while its client was away is replaced, and the client is told
    When the client's connection drops
    And the client stays away until the server has expired its session
    And the client reconnects with its session and its last event id
    Then its new stream says it was given a new session
    And the new session has another id than the expired one

  Scenario: A client that missed more events than history keeps is told that history overflowed
    When the client's connection drops
    And 15 events are published to its topic while it is away
    And the client reconnects with its session and its last event id
    Then its new stream says it could not be recovered, because of "overflow"
    And no event is replayed to it

  Scenario: An event addressed to one session reaches only that session's client
    Given a second client on the event stream
    When an event is published to the first client's session
    And an event is broadcast to everyone after it
    Then the first client receives the event addressed to its session
    And the second client receives the broadcast event but not the one addressed to the first
