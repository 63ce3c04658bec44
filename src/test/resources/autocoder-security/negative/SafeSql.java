package fixtures;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

class SafeSql {

    private static final String TABLE = "users";

    ResultSet parameters(Connection connection, String name) throws SQLException {
        PreparedStatement statement = connection.prepareStatement("select * from " + TABLE + " where name = ?");
        statement.setString(1, name);
        return statement.executeQuery();
    }

    ResultSet numbersCannotInject(Statement statement, long id, int limit) throws SQLException {
        return statement.executeQuery("select * from users where id = " + id + " limit " + limit);
    }

    void constants(Statement statement) throws SQLException {
        String sql = "delete from " + TABLE;
        statement.executeUpdate(sql);
        statement.execute("vacuum");
        statement.addBatch("select 1");
    }

    String notSql(String name) {
        return "hello " + name;
    }
}
