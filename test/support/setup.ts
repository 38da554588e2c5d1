import nock from 'nock';

// No test reaches the network; only servers the tests start themselves on 127.0.0.1.
nock.disableNetConnect();
nock.enableNetConnect('127.0.0.1');
