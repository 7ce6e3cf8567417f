DROP TABLE users;
DROP TABLE institutions;
DROP TABLE facilities;
DROP TABLE coes;
